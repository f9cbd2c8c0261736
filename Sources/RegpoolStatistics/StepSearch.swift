/// Lookups in ascending step times.
enum StepSearch {
    /// The index of the last time <= t, or nil when t is before the first time (or NaN).
    static func lastIndex(atOrBefore t: Double, in times: [Double]) -> Int? {
        var low = 0
        var high = times.count
        while low < high {
            let mid = low + (high - low) / 2
            if times[mid] <= t { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : low - 1
    }

    /// The index of the first time >= t, or nil when every time is before t (or t is NaN).
    static func firstIndex(atOrAfter t: Double, in times: [Double]) -> Int? {
        var low = 0
        var high = times.count
        while low < high {
            let mid = low + (high - low) / 2
            if times[mid] < t { low = mid + 1 } else { high = mid }
        }
        return low < times.count && times[low] >= t ? low : nil
    }
}
