/// The records of one kind, by SID and in the order they were created, written through to the
/// state file when the sandbox has one. The storage of every state actor.
struct RecordTable<Record: StoredRecord> {
    private var records: [String: Record] = [:]
    private var order: [String] = []
    private let store: SandboxStore?

    /// A table holding what `store` kept (empty without a store, or when the file cannot be read).
    init(store: SandboxStore?) throws {
        self.store = store
        for record in try store?.load(Record.self) ?? [] {
            records[record.sid] = record
            order.append(record.sid)
        }
    }

    /// The record `sid`.
    subscript(sid: String) -> Record? { records[sid] }

    /// The record `sid` if `accountSID` owns it.
    subscript(sid: String, of accountSID: String) -> Record? {
        records[sid].flatMap { $0.accountSID == accountSID ? $0 : nil }
    }

    /// Every record, oldest first.
    var oldestFirst: [Record] { order.compactMap { records[$0] } }

    /// Every record, newest first.
    var newestFirst: [Record] { order.reversed().compactMap { records[$0] } }

    /// The newest record that passes `test`.
    func last(where test: (Record) -> Bool) -> Record? {
        for sid in order.reversed() { if let record = records[sid], test(record) { return record } }
        return nil
    }

    /// Stores `record`: a new one goes last, a known one keeps its place.
    mutating func save(_ record: Record) {
        if records.updateValue(record, forKey: record.sid) == nil { order.append(record.sid) }
        store?.save(record)
    }

    /// Applies `change` to record `sid` and stores the result.
    @discardableResult
    mutating func modify(_ sid: String, _ change: (inout Record) -> Void) -> Record? {
        guard var record = records[sid] else { return nil }
        change(&record)
        save(record)
        return record
    }

    /// Removes record `sid` if `accountSID` owns it; `false` when it has no such record.
    mutating func remove(_ sid: String, of accountSID: String) -> Bool {
        self[sid, of: accountSID] != nil && remove(sid)
    }

    /// Removes record `sid`; `false` when there was none.
    @discardableResult
    mutating func remove(_ sid: String) -> Bool {
        guard records.removeValue(forKey: sid) != nil else { return false }
        order.removeAll { $0 == sid }
        store?.delete(Record.self, sid: sid)
        return true
    }
}
