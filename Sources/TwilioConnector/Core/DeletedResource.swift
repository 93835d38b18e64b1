/// What a delete action produced: the SID of the resource that is gone.
struct DeletedResource: Sendable {
    /// The deleted resource's SID.
    let sid: String
}
