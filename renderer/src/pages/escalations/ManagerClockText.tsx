import { CLOCK_LABELS, type ManagerClock } from '../../../../shared/domain/escalations.ts';
import { formatSpan } from '../../../../shared/domain/london-time.ts';
import { formatDateTime } from '../../format.ts';

/** The 24-hour rule in words: time left, how late, or when the manager was told. */
export function ManagerClockText({ clock }: { clock: ManagerClock }) {
  const deadline = formatDateTime(`${clock.deadline}:00`);
  const detail: Record<ManagerClock['state'], string> = {
    awaiting_manager: `${formatSpan(clock.minutesLeft)} left (by ${deadline})`,
    overdue: `overdue by ${formatSpan(clock.minutesLeft)} (was due by ${deadline})`,
    informed: '',
    informed_late: `${formatSpan(clock.minutesLeft)} after the 24 hours`,
  };
  const late = clock.state === 'overdue' || clock.state === 'informed_late';
  return (
    <span className={late ? 'clock clock-overdue' : 'clock'}>
      {CLOCK_LABELS[clock.state]}
      {detail[clock.state] ? `: ${detail[clock.state]}` : ''}
    </span>
  );
}
