/**
 * Secrets in the environment, and the environment other programs get. A variable stays in
 * the environment for the life of the process and every program it starts inherits it, so
 * LinkDesk reads its passphrases once, removes them, and starts other programs (the opener
 * of a Word record) with an allow-listed environment that never carries one.
 */

/** The passphrases the command line takes from the environment. */
export const SECRET_VARIABLES = ['LINKDESK_PASSPHRASE', 'LINKDESK_NEW_PASSPHRASE'] as const;
export type SecretVariable = (typeof SECRET_VARIABLES)[number];

/**
 * Removes the secrets from `env` and returns those that were set (and not empty). With
 * `process.env`, Node unsets them in the process's real environment, so no program started
 * afterwards inherits them. (The kernel's copy of the environment the process was started
 * with, /proc/<pid>/environ on Linux, readable by the same user only, keeps them: that is
 * out of reach of any program.)
 */
export function takeSecretsFromEnvironment(env: NodeJS.ProcessEnv = process.env): Map<SecretVariable, string> {
  const taken = new Map<SecretVariable, string>();
  for (const name of SECRET_VARIABLES) {
    const value = env[name];
    Reflect.deleteProperty(env, name);
    if (value !== undefined && value !== '') taken.set(name, value);
  }
  return taken;
}

/**
 * What a program needs to find itself, the desktop and the user's language; nothing of
 * LinkDesk's. Windows names are matched without regard to case, as Windows does.
 */
const ALLOWED = new Set(
  [
    'PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'TMPDIR', 'TMP', 'TEMP', 'LANG', 'LANGUAGE', 'TZ',
    // The Linux desktop, for xdg-open to reach it.
    'DISPLAY', 'WAYLAND_DISPLAY', 'XAUTHORITY', 'DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'XDG_DATA_DIRS', 'XDG_DATA_HOME',
    'XDG_CONFIG_DIRS', 'XDG_CONFIG_HOME', 'XDG_CURRENT_DESKTOP', 'XDG_SESSION_TYPE', 'DESKTOP_SESSION', 'BROWSER',
    // macOS's `open`.
    '__CF_USER_TEXT_ENCODING',
    // Windows' explorer.exe and the programs it starts.
    'SYSTEMROOT', 'WINDIR', 'COMSPEC', 'PATHEXT', 'SYSTEMDRIVE', 'USERPROFILE', 'USERNAME', 'USERDOMAIN', 'APPDATA', 'LOCALAPPDATA',
    'HOMEDRIVE', 'HOMEPATH', 'PROGRAMDATA', 'PROGRAMFILES', 'PROGRAMFILES(X86)', 'COMMONPROGRAMFILES', 'PUBLIC', 'OS',
  ].map((name) => name.toUpperCase()),
);

export function isAllowedInChild(name: string): boolean {
  const upper = name.toUpperCase();
  if (upper.startsWith('LINKDESK_')) return false;
  return ALLOWED.has(upper) || upper.startsWith('LC_');
}

/** The environment for a program LinkDesk starts: the allow-list, and nothing else. */
export function childEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && isAllowedInChild(name)) clean[name] = value;
  }
  return clean;
}
