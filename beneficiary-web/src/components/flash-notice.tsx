import { useState } from 'react';
import { takeFlash } from '../lib/flash';
import { Notice } from './notice';

/** Shows (and announces) the message the previous screen left, once. */
export function FlashNotice() {
  const [message] = useState(takeFlash);
  return (
    <div aria-live="polite" className="live">
      {message && <Notice kind="success">{message}</Notice>}
    </div>
  );
}
