import type { LinkReach } from '../lib/reach';
import './lists.css';

export interface ReachChoicesProps {
  reach: LinkReach;
}

/** The three ways relatives can get their links, in plain words, with the usual best one marked. */
export function ReachChoices({ reach }: ReachChoicesProps) {
  const tunnelRecommended = reach !== 'anywhere';
  return (
    <div className="subsection">
      <h3>How will people open their links?</h3>
      <ul className="reach-choices">
        <li>
          <strong>Everyone uses the same Wi-Fi as this computer</strong>
          <span className="muted">At home or at the party: nothing to set up. Links only work while this computer is on and Sneaky Klaus is running.</span>
        </li>
        <li className={tunnelRecommended ? 'reach-choices__recommended' : undefined}>
          <strong>
            Relatives live elsewhere: use a tunnel
            {tunnelRecommended && <span className="badge badge--ok">Recommended</span>}
          </strong>
          <span className="muted">
            A tunnel gives this computer an internet address, so links open from any home. Start a quick tunnel below, or enter the address of your own (Cloudflare Tunnel,
            Tailscale Funnel, ngrok).
          </span>
        </li>
        <li>
          <strong>No links at all: hand out cards</strong>
          <span className="muted">
            Every email already names the giftee and their gift ideas, so nobody has to open a link. For someone without email, show or print the QR code of their personal link
            (Participants tab, Link) and let them scan it here on your Wi-Fi.
          </span>
        </li>
      </ul>
    </div>
  );
}
