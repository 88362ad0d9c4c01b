import { parseDate } from '@internationalized/date';
import { useId, type ReactNode } from 'react';
import {
  Button, Calendar, CalendarCell, CalendarGrid, Dialog, DialogTrigger, FieldError, Heading, I18nProvider, Input, Label, Popover, Text, TextField,
} from 'react-aria-components';
import { DATE_EXAMPLE, describeDay, numericDate, readDate } from '../../../shared/dates.ts';
import { useTypedText, type Reading } from './useTypedText.ts';

export interface DateFieldProps {
  id: string;
  label: string;
  /** yyyy-mm-dd, empty, or text that is not a date yet. */
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  onProblem?: ((message: string | null, typed: string) => void) | undefined;
  autoFocus?: boolean;
  /** How messages name the field when its label alone would not (the date of "Raised at"). */
  messageLabel?: string;
}

const readAsDate = (text: string): Reading => {
  const r = readDate(text);
  return r.kind === 'date' ? { kind: 'value', value: r.iso } : r;
};
const isoDay = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

/**
 * The one way to ask for a date: typed as people write it (3/12/2026, 3 Dec 2026, 2026-12-03),
 * said back in full ("Thursday 3 December 2026"), or picked from a calendar in British English.
 * The form's value is yyyy-mm-dd, as the API takes it.
 */
export function DateField({ id, label, value, onChange, hint, error, onProblem, autoFocus, messageLabel }: DateFieldProps) {
  const labelId = useId();
  const typed = useTypedText({ value, onChange, label: messageLabel ?? label, read: readAsDate, show: (v) => (isoDay(v) ? numericDate(v) : v), onProblem });
  const understood = typed.reading.kind === 'value' ? describeDay(typed.reading.value) : typed.unread ? 'Not understood as a date yet' : '';
  const picked = isoDay(typed.reading.kind === 'value' ? typed.reading.value : '');
  return (
    <div className="date-field">
      <TextField className="field field-short" validationBehavior="aria" value={typed.text} onChange={typed.type} onBlur={typed.leave} isInvalid={Boolean(error)} autoFocus={autoFocus ?? false}>
        <Label id={labelId}>{label}</Label>
        <Text slot="description">{hint ?? DATE_EXAMPLE}</Text>
        <FieldError>{error}</FieldError>
        <div className="date-input-row">
          <Input id={id} autoComplete="off" spellCheck={false} />
          <DialogTrigger>
            <Button className="button button-secondary calendar-button" aria-label="Open calendar" aria-describedby={labelId}>
              <svg aria-hidden="true" viewBox="0 0 16 16" width="18" height="18" focusable="false">
                <rect x="1.5" y="3" width="13" height="11.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
                <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.5" />
              </svg>
            </Button>
            <Popover className="popover calendar-popover" placement="bottom start">
              <Dialog className="calendar-dialog" aria-label={`${label}: choose a day`}>
                {({ close }) => (
                  <I18nProvider locale="en-GB">
                    <Calendar
                      aria-label={label}
                      // Focus starts on the day in the box (or today), so the arrow keys move from there.
                      autoFocus
                      {...(picked ? { defaultValue: parseDate(picked) } : {})}
                      onChange={(day) => {
                        typed.type(numericDate(day.toString()));
                        close();
                      }}
                    >
                      <header className="calendar-header">
                        <Button slot="previous" className="calendar-nav" aria-label="Previous month">
                          ‹
                        </Button>
                        <Heading className="calendar-heading" />
                        <Button slot="next" className="calendar-nav" aria-label="Next month">
                          ›
                        </Button>
                      </header>
                      <CalendarGrid className="calendar-grid">{(day) => <CalendarCell date={day} className="calendar-cell" />}</CalendarGrid>
                    </Calendar>
                  </I18nProvider>
                )}
              </Dialog>
            </Popover>
          </DialogTrigger>
        </div>
      </TextField>
      <p className={typed.unread ? 'understood understood-not' : 'understood'} aria-live="polite">
        {understood}
      </p>
    </div>
  );
}
