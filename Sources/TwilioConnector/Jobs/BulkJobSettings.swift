import Foundation

/// How durable bulk jobs run: lease length, chunk size, attempts, and how long to wait before
/// reconciling a send whose outcome is unknown.
public struct BulkJobSettings: Sendable, Equatable {
    /// How long a runner holds a chunk without renewing it; an instance that dies loses its chunk
    /// this long after its last renewal, and another instance takes it over.
    public var leaseDuration: Duration
    /// Recipients per chunk.
    public var chunkSize: Int
    /// Sends begun per recipient before it is given up on (a send proven not to have happened
    /// counts).
    public var maximumAttempts: Int
    /// How long before a send began a message may have been created and still count as that send
    /// (clocks of instances and Twilio differ).
    public var clockSkew: Duration
    /// The longest pause between two looks at the store while waiting (for a job another runner
    /// holds, or for work).
    public var pollInterval: Duration

    /// Creates settings.
    public init(leaseDuration: Duration = .seconds(30), chunkSize: Int = 200, maximumAttempts: Int = 3,
                clockSkew: Duration = .seconds(300), pollInterval: Duration = .seconds(1)) {
        self.leaseDuration = leaseDuration
        self.chunkSize = chunkSize
        self.maximumAttempts = maximumAttempts
        self.clockSkew = clockSkew
        self.pollInterval = pollInterval
    }

    /// The longest a send may wait for Twilio's answer: well inside the lease, so that a runner
    /// that renews its lease never has a send outstanding past the lease's end.
    public var requestTimeout: Duration { leaseDuration / 3 }

    /// How long after a send began its outcome may be reconciled: once no answer can still be on
    /// its way.
    public var reconcileDelay: Duration { requestTimeout + .seconds(1) }
}

extension Duration {
    /// The duration in seconds.
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
