// The messages between the page and the worker that runs hull. One request kind per page feature.
import type { Analysis, HoverResult, PlanRequest, PlanView, TreeNode } from "./analysis.js";

export interface Requests {
  analyze: { args: { text: string; config: string }; result: Analysis };
  hover: { args: { text: string; config: string; offset: number }; result: HoverResult | null };
  fixAll: { args: { text: string; config: string }; result: { output: string; fixed: number } };
  format: { args: { text: string }; result: { output: string; changed: boolean } };
  syntax: { args: { text: string }; result: { tree: TreeNode; dump: string; errors: string[] } };
  plan: { args: { text: string } & PlanRequest; result: PlanView };
}

export type RequestKind = keyof Requests;

export interface RequestMessage<K extends RequestKind = RequestKind> {
  id: number;
  kind: K;
  args: Requests[K]["args"];
}

export type ResponseMessage =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
