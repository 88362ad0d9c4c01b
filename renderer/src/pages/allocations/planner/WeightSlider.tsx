import { useId } from 'react';

interface WeightSliderProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/**
 * One of the team's priorities as a native range input: arrow keys step half a point, Page Up
 * and Down by more, and a screen reader hears the label and "n points". The figure is written
 * beside it so the setting is read, not guessed from the thumb.
 */
export function WeightSlider({ id, label, value, onChange, error }: WeightSliderProps) {
  const outputId = useId();
  return (
    <div className={`field weight-slider${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {error ? <p className="error-message">{error}</p> : null}
      <div className="weight-row">
        <input
          id={id}
          type="range"
          min={0}
          max={50}
          step={0.5}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-valuetext={`${value} points`}
          aria-describedby={outputId}
        />
        <output id={outputId} htmlFor={id}>{value}</output>
      </div>
    </div>
  );
}
