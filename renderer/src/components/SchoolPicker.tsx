import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { foldForSearch } from '../../../shared/domain/search.ts';
import { plural } from '../../../shared/format.ts';
import { invoke } from '../api.ts';

const PICKER_ROWS = 30;

/** Choose a school by typing part of its name, URN or town; searches the register as you type. */
export function SchoolPicker({ id, value, onChange, error, initialText, label = 'School' }: {
  id: string; value: string; onChange: (urn: string) => void; error?: string | undefined; initialText?: string; label?: string;
}) {
  const [text, setText] = useState(initialText ?? '');
  // The school chosen, said in the box's description (read with the box) and once, politely, when chosen.
  const [chosen, setChosen] = useState(initialText ?? '');
  const [announced, setAnnounced] = useState('');
  const chosenName = useRef<string | null>(null);
  const search = useDeferredValue(text);
  // What the search will compare (shared/domain/search.ts): a lone apostrophe or dash is not yet two letters.
  const typed = foldForSearch(search);
  const schools = useQuery({ queryKey: ['schools.list', 'picker', typed], queryFn: () => invoke('schools.list', { search: typed, limit: PICKER_ROWS }), enabled: typed.length >= 2 });
  // How many match, said politely as the list changes (WCAG 4.1.3), until a school is chosen.
  const found = schools.data;
  const matches =
    !value && typed.length >= 2 && found
      ? found.total === 0
        ? 'No school matches'
        : `${plural(found.total, 'school')} ${found.total === 1 ? 'matches' : 'match'}${found.total > found.rows.length ? `; the first ${found.rows.length} are listed` : ''}`
      : '';
  return (
    <ComboBox
      className="field combobox"
      inputValue={text}
      onInputChange={(next) => {
        setText(next);
        // Typing again, after a choice, is a new search: what was chosen is no longer the news.
        if (next !== chosenName.current) setAnnounced('');
      }}
      selectedKey={value || null}
      onSelectionChange={(key) => {
        const picked = schools.data?.rows.find((r) => r.urn === key);
        if (picked) {
          // The box shows the school chosen, not the letters typed to find it.
          chosenName.current = picked.name;
          setText(picked.name);
          setChosen(`${picked.name} (URN ${picked.urn})`);
          setAnnounced(`Chosen: ${picked.name}`);
        }
        onChange(key ? String(key) : '');
      }}
      items={schools.data?.rows ?? []}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      allowsEmptyCollection
    >
      <Label>{label}</Label>
      <Text slot="description" className="hint">
        {value && chosen ? `Chosen: ${chosen}. ` : ''}Type two or more letters of its name, its URN or its town, then choose it from the list
      </Text>
      <FieldError>{error}</FieldError>
      <Input id={id} />
      <span role="status" className="visually-hidden">
        {announced}
      </span>
      {!value && schools.data && schools.data.total > schools.data.rows.length ? (
        <span className="hint">
          The first {schools.data.rows.length} of {schools.data.total.toLocaleString('en-GB')} schools that match: keep typing to narrow them
        </span>
      ) : null}
      <Popover className="popover">
        {/* Inside the list's popover: while it is open, everything outside it is hidden from screen readers. */}
        <LateStatus text={matches} />
        <ListBox className="listbox" renderEmptyState={() => <p className="listbox-empty">{typed.length < 2 ? 'Keep typing…' : 'No school matches'}</p>}>
          {(s: { urn: string; name: string; town: string | null }) => (
            <ListBoxItem id={s.urn} className="listbox-item" textValue={s.name}>
              {s.name} <span className="muted">({s.urn}{s.town ? `, ${s.town}` : ''})</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/**
 * A polite status whose first words arrive just after it is shown: screen readers announce a
 * live region's changes, not what it held when it appeared, and the popover (and this region
 * with it) appears with its first results, so the count of the first search would go unsaid.
 */
function LateStatus({ text }: { text: string }) {
  const [said, setSaid] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSaid(text), 100);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <span role="status" className="visually-hidden">
      {said}
    </span>
  );
}
