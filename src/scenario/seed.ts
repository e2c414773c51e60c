/** The seed of every world the UI builds (IDs, MAC addresses and veth names follow from it). Apart so that reading scenarios does not load the simulator. */
export const DEFAULT_SEED = 1;
