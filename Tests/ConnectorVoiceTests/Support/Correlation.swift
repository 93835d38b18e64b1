/// How alike two signals are: the largest normalised cross-correlation over the lags tried (1 for
/// the same signal shifted by one of them, about 0 for unrelated ones).
enum Correlation {
    static func peak(_ reference: [Int16], in signal: [Int16], lags: ClosedRange<Int>) -> (value: Double, lag: Int) {
        var best = (value: -1.0, lag: 0)
        for lag in lags {
            var product = 0.0, referenceEnergy = 0.0, signalEnergy = 0.0
            for index in reference.indices {
                let other = index + lag
                guard other >= 0, other < signal.count else { continue }
                let a = Double(reference[index]), b = Double(signal[other])
                product += a * b
                referenceEnergy += a * a
                signalEnergy += b * b
            }
            guard referenceEnergy > 0, signalEnergy > 0 else { continue }
            let value = product / (referenceEnergy * signalEnergy).squareRoot()
            if value > best.value { best = (value, lag) }
        }
        return best
    }
}
