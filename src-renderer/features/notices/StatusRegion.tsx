/**
 * The polite status region at the foot of the window. Every failed call's message ends up
 * here (unless a dialog shows it), as does confirmation of what just happened. Information
 * fades after a while; errors stay until dismissed or replaced.
 */
import { useEffect } from 'react';
import { X } from 'lucide-react';
import { clearMessage } from '../../state/status-store';
import { useStatusMessage } from '../../state/useStatusMessage';

const INFO_SECONDS = 6;

export function StatusRegion() {
  const { message, busy } = useStatusMessage();

  useEffect(() => {
    if (message?.tone !== 'info') return;
    const timer = setTimeout(() => clearMessage(message.id), INFO_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [message]);

  const text = message?.text ?? busy;
  const tone = message?.tone ?? 'busy';
  return (
    <div className="status-bar" data-tone={text ? tone : undefined}>
      {/* The live region stays in the page so that new messages are announced. */}
      <p className="status-text" role="status">
        {text}
      </p>
      {message ? (
        <button type="button" className="button button-icon" aria-label="Dismiss message" onClick={() => clearMessage()}>
          <X aria-hidden="true" size={16} />
        </button>
      ) : null}
    </div>
  );
}
