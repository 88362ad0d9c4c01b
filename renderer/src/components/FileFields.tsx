/**
 * The one way every screen asks for a file or a folder: a text field for a typed or pasted path
 * (quotes from "Copy as path" are fine), and beside it a button that chooses instead. In the
 * Electron app the button opens the native dialog for the action's purpose, which fills the
 * path in. In browser mode an import's button opens the browser's file chooser and sends the
 * file to LinkDesk; exports download (their sections offer a Download button).
 */
import { useState, type ReactNode } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import { isUploadPurpose, OPEN_PURPOSES, type FolderPurpose, type OpenPurpose, type SavePurpose, type UploadedFile } from '../../../shared/domain/files.ts';
import { chooseFolder, chooseOpen, chooseSave, hasNativeDialogs, uploadFile } from '../files.ts';
import { Field } from './Field.tsx';

/** A file to read: a typed path, or (browser mode) a file already sent to LinkDesk. */
export interface FileChoice {
  path: string;
  upload: UploadedFile | null;
}

export const NO_FILE: FileChoice = { path: '', upload: null };

/** The API's input for the choice: the upload's id, or the path as typed. */
export function fileInput(choice: FileChoice): { path: string } | { upload: string } {
  return choice.upload ? { upload: choice.upload.upload } : { path: choice.path };
}

/** The file's own name, for messages: the upload's, or the last part of the path. */
export function fileNameOf(choice: FileChoice): string {
  return choice.upload?.name ?? choice.path.trim().replace(/^["'“‘]+|["'”’]+$/g, '').split(/[\\/]/).pop() ?? '';
}

const sizeOf = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * Which field a Choose button is for, for screen readers: a page can have several. In the
 * button's text, not an aria-label, so the name starts with what it shows (WCAG 2.5.3) and a
 * search for the field by its label finds the field alone.
 */
function For({ label }: { label: string }) {
  return <span className="visually-hidden">({label})</span>;
}

interface CommonProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A file LinkDesk reads: an import, a template, a database or a backup to open. */
export function OpenFileField({ id, label, hint, error, purpose, value, onChange, onError }: CommonProps & {
  purpose: OpenPurpose;
  value: FileChoice;
  onChange: (choice: FileChoice) => void;
  /** A failed upload, for the form to show on this field. */
  onError: (error: unknown) => void;
}) {
  const [sending, setSending] = useState<string | null>(null);
  const native = hasNativeDialogs();
  const uploads = !native && isUploadPurpose(purpose);
  const extensions = OPEN_PURPOSES[purpose].type.extensions.map((e) => `.${e}`);
  const send = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file || !isUploadPurpose(purpose)) return;
    setSending(file.name);
    try {
      onChange({ path: '', upload: await uploadFile(purpose, file) });
    } catch (failure) {
      onError(failure);
    } finally {
      setSending(null);
    }
  };
  return (
    <div className="file-field">
      <div className="file-field-row">
        <Field id={id} label={label} hint={hint} value={value.path} onChange={(path) => onChange({ path, upload: null })} error={error} />
        {native ? (
          <Button className="button button-secondary file-field-button" onPress={() => void chooseOpen(purpose).then((path) => path && onChange({ path, upload: null }), onError)}>
            Choose file… <For label={label} />
          </Button>
        ) : null}
        {uploads ? (
          <FileTrigger acceptedFileTypes={extensions} onSelect={(files) => void send(files)}>
            <Button className="button button-secondary file-field-button" isDisabled={sending !== null}>
              Choose file… <For label={label} />
            </Button>
          </FileTrigger>
        ) : null}
      </div>
      <p className="file-field-status" role="status">
        {sending ? `Sending ${sending} to LinkDesk…` : value.upload ? <>Chosen: <strong>{value.upload.name}</strong> ({sizeOf(value.upload.bytes)})</> : null}
      </p>
    </div>
  );
}

/** Where LinkDesk writes a file the person names: a new database, a copy, an export. */
export function SaveFileField({ id, label, hint, error, purpose, value, onChange, suggestedName }: CommonProps & {
  purpose: SavePurpose;
  value: string;
  /** `replace` is true when the system's dialog already asked whether to replace the file. */
  onChange: (path: string, replace?: boolean) => void;
  suggestedName?: string;
}) {
  const native = hasNativeDialogs();
  return (
    <div className="file-field-row">
      <Field id={id} label={label} hint={hint} value={value} onChange={(path) => onChange(path)} error={error} />
      {native ? (
        <Button
          className="button button-secondary file-field-button"
          onPress={() => void chooseSave(purpose, suggestedName).then((chosen) => chosen && onChange(chosen.path ?? '', chosen.exists), () => undefined)}
        >
          Choose… <For label={label} />
        </Button>
      ) : null}
    </div>
  );
}

/** A folder (the team folder, the backup folder): the dialog in Electron; a typed path in browser mode. */
export function FolderField({ id, label, hint, error, purpose, value, onChange }: CommonProps & { purpose: FolderPurpose; value: string; onChange: (path: string) => void }) {
  const native = hasNativeDialogs();
  return (
    <div className="file-field-row">
      <Field id={id} label={label} hint={hint} value={value} onChange={onChange} error={error} />
      {native ? (
        <Button className="button button-secondary file-field-button" onPress={() => void chooseFolder(purpose).then((path) => path && onChange(path), () => undefined)}>
          Choose folder… <For label={label} />
        </Button>
      ) : null}
    </div>
  );
}
