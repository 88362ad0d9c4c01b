import { Link } from 'react-router';
import { Page } from '../../components/Page.tsx';
import statement from '../../../../docs/accessibility-statement.md?raw';
import { readStatement, type Inline } from './statement.ts';

function Text({ content }: { content: Inline[] }) {
  return content.map((part, i) => {
    if (part.kind === 'bold') return <strong key={i}>{part.text}</strong>;
    if (part.kind === 'text') return part.text;
    // A new window is how the desktop app hands a web address to the person's own browser.
    return (
      <a key={i} href={part.href} target="_blank" rel="noreferrer">
        {part.text}
        <span className="visually-hidden"> (opens in your browser)</span>
      </a>
    );
  });
}

/** The accessibility statement, from docs/accessibility-statement.md: the same words the repository publishes. */
export function AccessibilityStatementPage() {
  const [first, ...blocks] = readStatement(statement);
  const title = first?.kind === 'heading' ? first.text : 'Accessibility statement';
  return (
    <Page title={title}>
      <p>
        <Link to="/settings">Back to Settings</Link>
      </p>
      <div className="statement">
        {blocks.map((block, i) => {
          if (block.kind === 'heading') return block.level === 3 ? <h3 key={i}>{block.text}</h3> : <h2 key={i}>{block.text}</h2>;
          if (block.kind === 'list') {
            return (
              <ul key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>
                    <Text content={item} />
                  </li>
                ))}
              </ul>
            );
          }
          return (
            <p key={i}>
              <Text content={block.content} />
            </p>
          );
        })}
      </div>
    </Page>
  );
}
