/** One labelled field of the sync dialogs, with its hint and, when it is wrong, why (announced with the field). */
import type { HTMLAttributes, Ref } from 'react';

export interface SyncFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'password' | 'email';
  autoComplete?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  placeholder?: string;
  ref?: Ref<HTMLInputElement>;
}

export function SyncField({ id, label, value, onChange, problem, hint, type = 'text', autoComplete = 'off', inputMode, placeholder, ref }: SyncFieldProps) {
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={ref}
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        spellCheck={false}
        inputMode={inputMode}
        placeholder={placeholder}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p id={`${id}-problem`} className="field-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
