/** Maps an upper-case keyword to its AST node type. */
export const instructionTypes = {
    FROM: "From",
    RUN: "Run",
    CMD: "Cmd",
    ENTRYPOINT: "Entrypoint",
    SHELL: "Shell",
    COPY: "Copy",
    ADD: "Add",
    VOLUME: "Volume",
    ENV: "Env",
    LABEL: "Label",
    ARG: "Arg",
    EXPOSE: "Expose",
    HEALTHCHECK: "Healthcheck",
    ONBUILD: "Onbuild",
    MAINTAINER: "Maintainer",
    USER: "User",
    WORKDIR: "Workdir",
    STOPSIGNAL: "Stopsignal",
};
//# sourceMappingURL=nodes.js.map