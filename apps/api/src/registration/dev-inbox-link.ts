/** Where the development inbox can be read, when Gatehouse runs one; pages link to it. */
export class DevInboxLink {
  constructor(readonly url: string | undefined) {}
}
