import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';

/** A text filter that applies on Enter or when it loses focus, not on every key (each change is a URL change and a query). */
export function CommitField({ label, value, onCommit, placeholder, mono }: { label: string; value: string; onCommit: (value: string) => void; placeholder?: string; mono?: boolean }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text.trim() !== value) onCommit(text.trim());
  };
  return (
    <TextField
      size="small"
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
      sx={{ minWidth: 180, flex: { sm: 1 }, ...(mono ? { '& input': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.85rem' } } : {}) }}
    />
  );
}
