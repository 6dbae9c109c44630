/**
 * Runs a callback in the first task after the browser has painted the next frame: work that
 * only the map shows (its own redraw) then follows a DOM change instead of holding back its
 * paint. An animation-frame callback runs just before the frame is painted; a message posted
 * from it is handled just after.
 */
export interface FrameScheduler {
  requestAnimationFrame(callback: () => void): unknown;
}

export function afterNextPaint(callback: () => void, frames: FrameScheduler = globalThis): void {
  frames.requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback();
    };
    channel.port2.postMessage(null);
  });
}
