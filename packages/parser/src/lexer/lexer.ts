import { Lexer, type IToken } from "chevrotain";
import { lexerDefinition, setEscape } from "./tokens.js";

let lexer: Lexer | undefined;

/** Builds the lexer once; validations run only when asked for (tests), since they cost start-up time. */
function getLexer(validate: boolean): Lexer {
  if (!lexer || validate) {
    lexer = new Lexer(lexerDefinition, {
      positionTracking: "onlyOffset",
      skipValidations: !validate,
      ensureOptimizations: validate,
      recoveryEnabled: true,
    });
  }
  return lexer;
}

/** Splits a Dockerfile into line-structural tokens; never fails (every character belongs to some token). */
export function tokenize(text: string, escape: "\\" | "`", validate = false): IToken[] {
  setEscape(escape);
  return getLexer(validate).tokenize(text).tokens;
}
