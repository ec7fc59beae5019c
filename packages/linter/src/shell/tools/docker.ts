import type { OptionSpec } from "../options.js";

/** Their options that take a value before the `login` verb. */
export const registryLoginOptions: OptionSpec = { values: ["-u", "--username", "-p", "--password"] };
