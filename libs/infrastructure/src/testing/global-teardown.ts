export default async function globalTeardown(): Promise<void> {
  await globalThis.gatehouseTestPostgres?.stop();
  globalThis.gatehouseTestPostgres = undefined;
}
