export interface SettingProblem {
  variable: string;
  value: string | undefined;
  message: string;
}

/** Thrown by loadSettings with every invalid variable at once, so one run shows the whole fix. */
export class SettingsError extends Error {
  constructor(readonly problems: SettingProblem[]) {
    super(
      ['Invalid Flotilla configuration:']
        .concat(problems.map((p) => `  ${p.variable}=${JSON.stringify(p.value ?? '')}: ${p.message}`))
        .join('\n'),
    );
    this.name = 'SettingsError';
  }
}
