/**
 * `balans agenda FILE [--forum SVOM] [--date YYYY-MM-DD] [--today YYYY-MM-DD] [--json | --md]`:
 * the agenda (mötesunderlag) of one meeting, as Swedish text, JSON (a contract) or Markdown.
 * runCli.ts reads the file and the arguments; this module turns the analysis into the output.
 */
import { toAgendaJson } from "../domain/agenda/agendaJson";
import { buildAgenda } from "../domain/agenda/buildAgenda";
import {
  formatAgendaMarkdown,
  formatAgendaText,
} from "../domain/agenda/formatAgenda";
import { say } from "../domain/messages";
import type { Analysis } from "../domain/types";

export interface AgendaCliOptions {
  forum: string | undefined;
  date: string | undefined;
  json: boolean;
  md: boolean;
}

export type AgendaCliResult =
  { ok: true; text: string } | { ok: false; message: string };

/** The agenda as the command prints it, or a message for the user (exit code 2). */
export function renderAgenda(
  analysis: Analysis,
  options: AgendaCliOptions,
): AgendaCliResult {
  if (options.json && options.md)
    return {
      ok: false,
      message: say("sv", "cli.agenda-one-format"),
    };
  const request: { forum?: string; date?: string } = {};
  if (options.forum !== undefined) request.forum = options.forum;
  if (options.date !== undefined) request.date = options.date;
  const result = buildAgenda(analysis, request);
  if (!result.ok) return { ok: false, message: result.message };
  if (options.json)
    return {
      ok: true,
      text: `${JSON.stringify(toAgendaJson(result.agenda), null, 2)}\n`,
    };
  return {
    ok: true,
    text: options.md
      ? formatAgendaMarkdown(result.agenda)
      : formatAgendaText(result.agenda),
  };
}
