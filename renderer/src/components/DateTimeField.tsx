import { useId, useState, type ReactNode } from 'react';
import { DateField } from './DateField.tsx';
import { TimeField } from './TimeField.tsx';

export interface DateTimeFieldProps {
  id: string;
  label: string;
  /** yyyy-mm-ddThh:mm (a wall-clock time in England), empty, or parts that do not read yet. */
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  onProblem?: ((message: string | null, typed: string) => void) | undefined;
}

interface Parts {
  date: string;
  time: string;
}

const WALL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const HHMM = /^\d{2}:\d{2}$/;

function split(value: string): Parts {
  const m = WALL_TIME.exec(value);
  return m ? { date: m[1] ?? '', time: m[2] ?? '' } : { date: '', time: '' };
}

/** Both parts, as the API takes them; anything else (a part missing or unread) is refused by the schema and named by the field. */
function join({ date, time }: Parts): string {
  return date === '' && time === '' ? '' : `${date}T${time}`;
}

/**
 * A moment as a date and a time on the 24-hour clock, side by side in one group: the date field
 * with its calendar, the time field. The form's value is yyyy-mm-ddThh:mm.
 */
export function DateTimeField({ id, label, value, onChange, hint, error, onProblem }: DateTimeFieldProps) {
  const labelId = useId();
  const errorId = useId();
  const [parts, setParts] = useState<Parts>(() => split(value));
  const [sent, setSent] = useState(value);
  const [own, setOwn] = useState<{ date: string | null; time: string | null }>({ date: null, time: null });
  if (value !== sent) {
    setSent(value);
    setParts(split(value));
    setOwn({ date: null, time: null });
  }

  /** What is wrong with the whole: a part's own message first, then a part left out. */
  const problemOf = (next: Parts, messages: { date: string | null; time: string | null }): string | null => {
    if (messages.date) return messages.date;
    if (messages.time) return messages.time;
    if (next.date === '' && next.time === '') return null;
    if (!ISO_DAY.test(next.date)) return `${label}: add the date, such as 3/12/2026`;
    if (!HHMM.test(next.time)) return `${label}: add the time on the 24-hour clock, such as 14:20`;
    return null;
  };
  const update = (part: keyof Parts, text: string, message: string | null) => {
    const next = { ...parts, [part]: text };
    const messages = { ...own, [part]: message };
    const joined = join(next);
    setParts(next);
    setOwn(messages);
    setSent(joined);
    onChange(joined);
    onProblem?.(problemOf(next, messages), joined);
  };

  return (
    <div role="group" aria-labelledby={labelId} aria-describedby={error ? errorId : undefined} className="field date-time-field" data-invalid={error ? true : undefined}>
      <span id={labelId} className="field-label">
        {label}
      </span>
      {hint ? <span className="hint">{hint}</span> : null}
      {error ? (
        <p id={errorId} className="error-message">
          {error}
        </p>
      ) : null}
      <div className="date-row">
        <DateField
          id={id}
          label="Date"
          hint="For example 3/12/2026"
          messageLabel={`${label} (date)`}
          value={parts.date}
          onChange={() => undefined}
          onProblem={(message, typed) => update('date', typed, message)}
        />
        <TimeField
          id={`${id}-time`}
          label="Time"
          hint="24-hour clock, for example 14:20"
          messageLabel={`${label} (time)`}
          value={parts.time}
          onChange={() => undefined}
          onProblem={(message, typed) => update('time', typed, message)}
        />
      </div>
    </div>
  );
}
