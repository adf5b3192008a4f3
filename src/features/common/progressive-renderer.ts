import { Allow, parse as parsePartialJson } from 'partial-json';

/**
 * Turns a stream of JSON text deltas into a stream of markdown deltas: after each delta the
 * JSON so far is parsed leniently and rendered; the part of the rendering beyond what was
 * already emitted is emitted. When a rendering does not extend what was emitted (a field
 * rendered differently once complete, or a provider failed mid-stream and the manager
 * restarted), nothing more is emitted until `finish`, whose final text the client gets
 * whole in the last chunk's draft.
 */
export interface ProgressiveRenderer {
  /** A promise returned asks the caller to read its next delta once it settles (see coalescePushes). */
  push(jsonDelta: string): void | Promise<void>;
  /** The JSON streamed so far is void (failed attempt). */
  reset(): void;
  /** Emits what remains of `finalText` if it extends the emitted text. */
  finish(finalText: string): void;
  readonly emitted: string;
}

export function createProgressiveRenderer(
  render: (partial: unknown) => string,
  emit: (markdownDelta: string) => void,
  /** Output check on the text so far: a refusal stops the stream (nothing refused is ever emitted). */
  guard: (textSoFar: string) => boolean = () => true,
): ProgressiveRenderer {
  let json = '';
  let emitted = '';
  let diverged = false;

  function emitUpTo(text: string): void {
    if (diverged) return;
    if (!text.startsWith(emitted) || !guard(text)) {
      diverged = true;
      return;
    }
    const delta = text.slice(emitted.length);
    if (delta.length === 0) return;
    emitted = text;
    emit(delta);
  }

  return {
    push(jsonDelta) {
      json += jsonDelta;
      let partial: unknown;
      try {
        // Numbers only once complete: a partial "3" of 30 would render as a different value.
        partial = parsePartialJson(json, Allow.ALL & ~Allow.NUM);
      } catch {
        return; // not parseable yet (e.g. inside an escape sequence)
      }
      if (partial === null || typeof partial !== 'object') return;
      let text: string;
      try {
        text = render(partial);
      } catch {
        return;
      }
      // The last word may still be growing: emit whole words only. Renderers keep markup at
      // line starts (headings, bullets, labels), so a growing field is never followed by a
      // closing marker on its line and a word boundary is a safe place to cut.
      // Trailing blank lines follow the growing field, so they are cut first.
      const body = text.trimEnd();
      const boundary = Math.max(body.lastIndexOf(' '), body.lastIndexOf('\n'));
      if (boundary >= 0) emitUpTo(body.slice(0, boundary + 1));
    },
    reset() {
      json = '';
    },
    finish(finalText) {
      emitUpTo(finalText);
    },
    get emitted() {
      return emitted;
    },
  };
}

/**
 * Renders once per turn of the event loop instead of once per delta: deltas that arrive
 * together (several SSE frames in one network read) are pushed as one, so the JSON so far is
 * parsed, rendered, checked and published once for them, not once each. A model streaming
 * token by token still gets one render per token. `finish` and `reset` drop what is pending:
 * the final text, or a void attempt, supersedes it.
 *
 * Until the first text is emitted, every push renders at once: the first chunk is what a
 * reader waits for, and the next turn of the event loop can be late. When a whole answer
 * arrives in one network read, the rest of that turn parses and validates all of it (and
 * starts storing the draft) before an immediate runs; the first chunk waited behind all of
 * that (stack-notes 27). A model's first tokens render nothing until a word is complete, so
 * this costs a few renders of a few characters, once per stream.
 *
 * The push that emits the first text returns a promise of the next turn of the event loop (the
 * LLM Manager reads the stream's next delta once it settles): a client subscribes to a draft once
 * the mutation answered, and its subscribe often waits in its socket, ready in the same poll as
 * the answer's network read; served first, it finds the first chunk at once instead of after the
 * rest of the answer was parsed, validated and stored.
 */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function coalescePushes(renderer: ProgressiveRenderer): ProgressiveRenderer {
  let pending = '';
  let scheduled: NodeJS.Immediate | null = null;
  const drop = (): void => {
    pending = '';
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
  };
  const flush = (): void => {
    scheduled = null;
    const text = pending;
    pending = '';
    if (text.length > 0) renderer.push(text);
  };
  return {
    push(jsonDelta) {
      if (scheduled === null && renderer.emitted.length === 0) {
        renderer.push(jsonDelta);
        return renderer.emitted.length > 0 ? nextTurn() : undefined;
      }
      pending += jsonDelta;
      scheduled ??= setImmediate(flush);
      return undefined;
    },
    reset() {
      drop();
      renderer.reset();
    },
    finish(finalText) {
      drop();
      renderer.finish(finalText);
    },
    get emitted() {
      return renderer.emitted;
    },
  };
}
