import { Link } from 'react-router';

/** Where Settings points to the accessibility statement (its own screen, so Settings stays light). */
export function AccessibilitySection() {
  return (
    <section className="card" aria-labelledby="accessibility-heading">
      <h2 id="accessibility-heading">Accessibility</h2>
      <p>
        How accessible LinkDesk is, the problems we know of, how to report one and when it was last tested:{' '}
        <Link to="/settings/accessibility">accessibility statement</Link>.
      </p>
    </section>
  );
}
