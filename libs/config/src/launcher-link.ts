/**
 * Ends this process, as SIGTERM would (draining what it runs), when the launcher that started it ends, however it
 * ends: the launcher gives each child an IPC channel, and the operating system closes it when the launcher dies, even
 * by SIGKILL or the OOM killer. Without a channel (started by hand, by docker compose) it does nothing.
 */
export function endWithLauncher(): void {
  if (!process.channel) return;
  process.once('disconnect', () => {
    process.kill(process.pid, 'SIGTERM');
  });
  // The channel only watches: it must not keep the process alive by itself.
  process.channel.unref();
}
