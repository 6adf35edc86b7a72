import type { Exchange, Participant } from '../../core/types';
import type { Deps } from '../common/deps';
import { gifteeAddresses, ownAddress } from './address';
import { readThreads, type Thread } from './messages';
import { revealedSantas } from './reveal';

/** What the participant's own page shows of the things between them and their Santa or giftee. */
export interface BetweenPage {
  threads: Thread[];
  ownAddress: { address: string; inMatchEmail: boolean } | null;
  /** The participant may still change their address (the exchange is not over). */
  addressEditable: boolean;
  /** Their giftees' addresses, for the Santa's eyes only. */
  gifteeAddresses: Array<{ name: string; address: string }>;
  /** Who gave to them, once the exchange's reveal setting allows it; else null. */
  santas: string[] | null;
}

export function readBetween(deps: Deps, participant: Participant, exchange: Exchange): BetweenPage {
  return {
    threads: readThreads(deps, participant, exchange),
    ownAddress: ownAddress(deps, participant),
    addressEditable: exchange.state !== 'completed' && exchange.state !== 'cancelled',
    gifteeAddresses: gifteeAddresses(deps, participant, exchange),
    santas: revealedSantas(deps, participant, exchange),
  };
}
