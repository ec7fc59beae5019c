import type { OptionSpec } from "../options.js";

/** Options of coreutils' file commands that take a value in the next word. */
export const chmodOptions: OptionSpec = { values: ["--reference"] };
export const lnOptions: OptionSpec = { values: ["-S", "--suffix", "-t", "--target-directory"] };
export const mkdirOptions: OptionSpec = { values: ["-m", "--mode"] };
