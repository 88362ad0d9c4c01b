import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { LoadTemplateInput, TEMPLATE_KIND_LABELS, TEMPLATE_KINDS, type TemplateCheck, type TemplateKind } from '../../../../shared/domain/documents.ts';
import { AppError } from '../../../../shared/errors.ts';
import { invoke } from '../../api.ts';
import { fileInput, fileNameOf, NO_FILE, OpenFileField, type FileChoice } from '../../components/FileFields.tsx';
import { FormShell } from '../../components/FormShell.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Select } from '../../components/Select.tsx';
import { useForm } from '../../components/useForm.ts';
import { formatDateTime } from '../../format.ts';

function CheckResult({ check }: { check: TemplateCheck }) {
  return (
    <div className={`finding-group ${check.unknown.length || check.placeholders.length === 0 ? 'finding-blocking' : 'finding-warning'}`} role="status">
      <p className="finding-title">
        {check.unknown.length
          ? `Unknown placeholders: ${check.unknown.map((u) => `{${u}}`).join(', ')}. This template cannot be used until they are corrected.`
          : check.placeholders.length === 0
            ? 'This file has no placeholders at all: it is not a template (a finished document, perhaps) and cannot be used.'
            : 'Every placeholder is one LinkDesk fills.'}
      </p>
      <p>Found: {check.placeholders.map((p) => `{${p}}`).join(', ') || 'none'}.</p>
      {check.missing.length ? <p>Not in this template, so left out of its documents: {check.missing.map((m) => `{${m}}`).join(', ')}.</p> : null}
    </div>
  );
}

/** The Word templates (meeting records, the report, the escalation log): the one in use, those loaded before, and loading a team's own letterhead. */
export function TemplatesSection() {
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: ['documents.templates'], queryFn: () => invoke('documents.templates', {}) });
  const form = useForm({ kind: 'visit_record' as TemplateKind, file: NO_FILE as FileChoice });
  const [check, setCheck] = useState<TemplateCheck | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['documents.templates'] });

  const run = async (load: boolean) => {
    setMessage(null);
    const input = form.validate(LoadTemplateInput, { kind: form.values.kind, ...fileInput(form.values.file) });
    if (!input) return;
    try {
      setCheck(await invoke('documents.checkTemplate', input));
      if (load) {
        await invoke('documents.loadTemplate', input);
        setMessage(`${TEMPLATE_KIND_LABELS[input.kind]}s now use ${fileNameOf(form.values.file)}.`);
        // Loaded: LinkDesk has deleted its copy of an uploaded file.
        if (form.values.file.upload) form.set('file', NO_FILE);
        await refresh();
      }
    } catch (error) {
      const refused = error instanceof AppError ? (error.details?.check as TemplateCheck | undefined) : undefined;
      setCheck(refused ?? null);
      form.fail(error, 'path');
    }
  };

  const use = async (kind: TemplateKind, id: string | null) => {
    try {
      await invoke('documents.useTemplate', { kind, id });
      setMessage(id ? 'Template changed.' : `${TEMPLATE_KIND_LABELS[kind]}s now use LinkDesk’s own template.`);
      await refresh();
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <section aria-labelledby="templates-heading" className="card">
      <h2 id="templates-heading">Word templates</h2>
      <p>
        Word meeting records, the termly and annual report and the escalation log are made from templates. Load your own .docx (your letterhead) with the placeholders listed in the templates guide (docs/templates.md, in the LinkDesk folder); earlier templates are
        kept, so you can go back.
      </p>
      {message ? <Notice title={message} /> : null}
      {state.data?.map((t) => (
        <div key={t.kind}>
          <h3>{TEMPLATE_KIND_LABELS[t.kind]}</h3>
          <p>
            In use: {t.active ? `${t.active.fileName}, loaded by ${t.active.loadedBy} on ${formatDateTime(t.active.loadedAt)}` : 'LinkDesk’s own template'}
          </p>
          {t.active ? (
            <Button className="button button-secondary" onPress={() => void use(t.kind, null)}>
              Use LinkDesk’s own template for the {TEMPLATE_KIND_LABELS[t.kind]}
            </Button>
          ) : null}
          {t.versions.filter((v) => !v.active).length ? (
            <ul>
              {t.versions
                .filter((v) => !v.active)
                .map((v) => (
                  <li key={v.id}>
                    {v.fileName}, loaded {formatDateTime(v.loadedAt)} by {v.loadedBy}{' '}
                    <Button className="button button-secondary" onPress={() => void use(t.kind, v.id)} aria-label={`Use ${v.fileName} again`}>
                      Use again
                    </Button>
                  </li>
                ))}
            </ul>
          ) : null}
        </div>
      ))}
      <h3>Load a template</h3>
      <FormShell form={form} onSubmit={() => run(true)}>
        <Select label="For" value={form.values.kind} onChange={(k) => { form.set('kind', k); setCheck(null); }} options={TEMPLATE_KINDS.map((k) => ({ id: k, label: TEMPLATE_KIND_LABELS[k] }))} />
        <OpenFileField
          {...form.fileField('file', () => setCheck(null))}
          label="Template file"
          hint="Choose the .docx file, or type or paste its full path"
          purpose="template"
        />
        {check ? <CheckResult check={check} /> : null}
        <div className="page-actions">
          <Button className="button button-secondary" onPress={() => void run(false)}>
            Check the template
          </Button>
          <Button type="submit" className="button">
            Use this template
          </Button>
        </div>
      </FormShell>
    </section>
  );
}
