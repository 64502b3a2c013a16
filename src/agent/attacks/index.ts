/** Attack strategies, for the root entry point `rampart`. */
export {
  Attacks,
  type XpiaOptions,
  type AdaptiveXpiaOptions,
  type CrescendoOptions,
  type TapOptions,
  type PairOptions,
} from './attacks';
export { AttackerError } from './adaptive-support';
