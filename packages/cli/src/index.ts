export { main, ExitCode } from "./main.js";
export type { Io } from "./io.js";
