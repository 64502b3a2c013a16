/** Attack strategies, for the root entry point `rampart`. */
export { Attacks, type XpiaOptions } from './attacks';
