/// The records of one kind, of every account, behind an actor: the state of a product whose rules
/// fit in its records (phone numbers, Applications, Messaging Services, messages, recordings,
/// transcripts, Content templates). Every change is written through to the state file.
actor ResourceStore<Record: StoredRecord> {
    /// The order a list comes in.
    enum Order: Sendable {
        /// In the order the records were created (how API v2010 lists numbers and Applications,
        /// and the v1/v2 APIs their resources).
        case oldestFirst
        /// The newest first (how Twilio lists messages, calls and recordings).
        case newestFirst
    }

    private var table: RecordTable<Record>

    /// The records `store` kept; a new state (no store, or a file this run created) starts with
    /// the `demo` records (Content's and Voice Intelligence's demo resources).
    init(store: SandboxStore?, demo: () -> [Record] = { [] }) throws {
        table = try RecordTable(store: store)
        guard store?.isNew ?? true else { return }
        for record in demo() { table.save(record) }
    }

    /// Stores `record`: a new one goes last, a known one keeps its place.
    func save(_ record: Record) {
        table.save(record)
    }

    /// The record `sid`, whichever account owns it (the simulators act for every account).
    func record(_ sid: String) -> Record? {
        table[sid]
    }

    /// The record `sid` if `accountSID` owns it: to every other account it does not exist.
    func record(_ sid: String, accountSID: String) -> Record? {
        table[sid, of: accountSID]
    }

    /// The records that pass `test`, in `order`.
    func records(_ order: Order = .oldestFirst, where test: @Sendable (Record) -> Bool = { _ in true }) -> [Record] {
        (order == .oldestFirst ? table.oldestFirst : table.newestFirst).filter(test)
    }

    /// The account's records that pass `test`, in `order`.
    func records(of accountSID: String, _ order: Order = .oldestFirst,
                 where test: @Sendable (Record) -> Bool = { _ in true }) -> [Record] {
        records(order) { $0.accountSID == accountSID && test($0) }
    }

    /// The newest record that passes `test`.
    func newest(where test: @Sendable (Record) -> Bool) -> Record? {
        table.last(where: test)
    }

    /// Applies `change` to record `sid`, stores the result and returns it (`nil` when there is no
    /// such record).
    @discardableResult
    func modify(_ sid: String, _ change: @Sendable (inout Record) -> Void) -> Record? {
        table.modify(sid, change)
    }

    /// Hands record `sid` to `transition`, which answers `nil` when it changed nothing; stores what
    /// changed. Returns the changed record with what `transition` answered, `nil` when there is no
    /// such record or nothing changed. The way a status moves through its lifecycle.
    func transition<Outcome: Sendable>(_ sid: String,
                                       _ transition: @Sendable (inout Record) -> Outcome?) -> (record: Record, outcome: Outcome)? {
        guard var record = table[sid], let outcome = transition(&record) else { return nil }
        table.save(record)
        return (record, outcome)
    }

    /// Removes record `sid` if `accountSID` owns it; `false` when it has no such record.
    @discardableResult
    func delete(_ sid: String, accountSID: String) -> Bool {
        table.remove(sid, of: accountSID)
    }

    /// Runs `body` on the whole table at once, for a change that must see every record before it
    /// is made (a number no other pool may hold, a number provisioned once).
    func transaction<Result: Sendable, Failure: Error>(
        _ body: @Sendable (inout RecordTable<Record>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(&table)
    }
}
