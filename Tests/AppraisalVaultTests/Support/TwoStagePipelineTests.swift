import Dispatch
import Glibc
import Synchronization
import Testing

@testable import AppraisalVault

/// The two-stage pipeline of the streaming envelope (spec §5.3, §10): order, errors both ways,
/// bounded buffers.
@Suite("Two-stage pipeline")
struct TwoStagePipelineTests {
    struct Stop: Error, Equatable { let at: Int }

    /// What the second stage saw, and how many blocks were filled but not yet consumed.
    final class Record: Sendable {
        let seen = Mutex<[Int]>([])
        let inFlight = Mutex<(now: Int, most: Int)>((0, 0))

        func filled() { inFlight.withLock { $0 = ($0.now + 1, max($0.most, $0.now + 1)) } }
        func consumed(_ value: Int) {
            inFlight.withLock { $0.now -= 1 }
            seen.withLock { $0.append(value) }
        }
    }

    /// Sends `count` blocks, each holding its index as its first byte pair.
    static func send(_ count: Int, into pipeline: TwoStagePipeline, record: Record) throws {
        for i in 0..<count {
            try pipeline.send { slot in
                record.filled()
                slot[0] = UInt8(i & 0xFF)
                slot[1] = UInt8(i >> 8)
                return 2
            }
        }
    }

    static func index(_ block: UnsafeMutableRawBufferPointer) -> Int { Int(block[0]) | Int(block[1]) << 8 }

    @Test("blocks reach the second stage in the order sent", arguments: [false, true])
    func ordering(inline: Bool) throws {
        let record = Record()
        try TwoStagePipeline.run(blockSize: 16, inline: inline, consume: { record.consumed(Self.index($0)) }) {
            try Self.send(500, into: $0, record: record)
        }
        #expect(record.seen.withLock { $0 } == Array(0..<500))
    }

    @Test("never more than three blocks in flight, even with a slow second stage")
    func boundedBuffers() throws {
        let record = Record()
        try TwoStagePipeline.run(
            blockSize: 16, inline: false,
            consume: { block in
                usleep(200)
                record.consumed(Self.index(block))
            }
        ) { try Self.send(100, into: $0, record: record) }
        let most = record.inFlight.withLock { $0.most }
        #expect(most <= TwoStagePipeline.depth && most >= 2)
        #expect(record.seen.withLock { $0.count } == 100)
    }

    @Test("a second-stage error stops the pipeline and reaches the caller")
    func workerErrorReachesCaller() {
        let record = Record()
        #expect(throws: Stop(at: 7)) {
            try TwoStagePipeline.run(
                blockSize: 16, inline: false,
                consume: { block in
                    let i = Self.index(block)
                    if i == 7 { throw Stop(at: 7) }
                    record.consumed(i)
                }
            ) { try Self.send(1000, into: $0, record: record) }
        }
        let seen = record.seen.withLock { $0 }
        #expect(seen == Array(0..<7))
        // The caller stopped sending soon after: filled = consumed + not consumed, and the ring
        // bounds how far past the failing block the caller got.
        let filled = seen.count + record.inFlight.withLock { $0.now }
        #expect(filled <= 8 + 2 * TwoStagePipeline.depth)
    }

    @Test("a first-stage error drains what was sent and reaches the caller", arguments: [false, true])
    func callerErrorDrainsWorker(inline: Bool) {
        let record = Record()
        #expect(throws: Stop(at: 5)) {
            try TwoStagePipeline.run(
                blockSize: 16, inline: inline,
                consume: { block in
                    usleep(500)
                    record.consumed(Self.index(block))
                }
            ) { pipeline in
                try Self.send(5, into: pipeline, record: record)
                try pipeline.send { _ in throw Stop(at: 5) }
            }
        }
        // run returned only after the worker consumed every block sent before the failure.
        #expect(record.seen.withLock { $0 } == Array(0..<5))
    }

    @Test("when both stages fail, the second stage's error (an earlier block) reaches the caller")
    func bothFailWorkerErrorWins() {
        let record = Record()
        #expect(throws: Stop(at: 3)) {
            try TwoStagePipeline.run(
                blockSize: 16, inline: false,
                consume: { block in
                    let i = Self.index(block)
                    if i == 3 { throw Stop(at: 3) }
                    record.consumed(i)
                }
            ) { pipeline in
                // Blocks 0–4 are sent (or send throws the worker's error first); then this stage
                // fails on block 5 itself. run drains before it decides, so block 3 has failed.
                try Self.send(5, into: pipeline, record: record)
                try pipeline.send { _ in throw Stop(at: 5) }
            }
        }
        #expect(record.seen.withLock { $0 } == Array(0..<3))
    }
}
