import type { StmtCompilers } from "../dispatch.js";
import {
  BlockStatement,
  DebuggerStatement,
  EmptyStatement,
  ExpressionStatement,
} from "./blocks.js";
import {
  BreakStatement,
  ContinueStatement,
  IfStatement,
  LabeledStatement,
  ReturnStatement,
  SwitchStatement,
  ThrowStatement,
  WithStatement,
} from "./control.js";
import { ClassDeclaration, FunctionDeclaration, VariableDeclaration } from "./declarations.js";
import {
  DoWhileStatement,
  ForInStatement,
  ForOfStatement,
  ForStatement,
  WhileStatement,
} from "./loops.js";
import {
  ExportAllDeclaration,
  ExportDefaultDeclaration,
  ExportNamedDeclaration,
  ImportDeclaration,
} from "./modules.js";
import { TryStatement } from "./TryStatement.js";

export const statementCompilers: StmtCompilers = {
  ExpressionStatement,
  BlockStatement,
  EmptyStatement,
  DebuggerStatement,
  WithStatement,
  ReturnStatement,
  LabeledStatement,
  BreakStatement,
  ContinueStatement,
  IfStatement,
  SwitchStatement,
  ThrowStatement,
  TryStatement,
  WhileStatement,
  DoWhileStatement,
  ForStatement,
  ForInStatement,
  ForOfStatement,
  FunctionDeclaration,
  VariableDeclaration,
  ClassDeclaration,
  ImportDeclaration,
  ExportNamedDeclaration,
  ExportDefaultDeclaration,
  ExportAllDeclaration,
};
