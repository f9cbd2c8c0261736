/// Eigenvalues and eigenvectors of a small real symmetric matrix (cyclic Jacobi rotations).
struct SymmetricEigen {
    /// The eigenvalues, in no particular order.
    let values: [Double]
    /// vectors[m] is the unit eigenvector of values[m].
    let vectors: [[Double]]

    /// Diagonalizes the symmetric matrix `matrix` (only its square part is read).
    init(_ matrix: [[Double]]) {
        let n = matrix.count
        var a = matrix.map { Array($0.prefix(n)) }
        var q = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for _ in 0..<100 {
            guard Self.offDiagonalWeight(a) > 0 else { break }
            for p in 0..<n {
                for r in (p + 1)..<max(n, p + 1) where a[p][r] != 0 {
                    Self.rotate(&a, &q, p, r)
                }
            }
        }
        values = (0..<n).map { a[$0][$0] }
        vectors = (0..<n).map { m in (0..<n).map { q[$0][m] } }
    }

    /// Sum of squares below the diagonal.
    private static func offDiagonalWeight(_ a: [[Double]]) -> Double {
        var sum = 0.0
        for i in a.indices { for j in 0..<i { sum += a[i][j] * a[i][j] } }
        return sum
    }

    /// One Jacobi rotation in the (p, r) plane that zeroes a[p][r]; accumulates it into q.
    private static func rotate(_ a: inout [[Double]], _ q: inout [[Double]], _ p: Int, _ r: Int) {
        let apr = a[p][r]
        let scale = abs(a[p][p]) + abs(a[r][r])
        if scale + 1e3 * abs(apr) == scale {  // negligible against the diagonal: drop it
            a[p][r] = 0
            a[r][p] = 0
            return
        }
        let theta = (a[r][r] - a[p][p]) / (2 * apr)
        let t =
            theta.magnitude > 1e150
            ? 1 / (2 * theta) : (theta >= 0 ? 1 : -1) / (theta.magnitude + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot()
        let s = t * c
        for k in a.indices {
            let akp = a[k][p]
            let akr = a[k][r]
            a[k][p] = c * akp - s * akr
            a[k][r] = s * akp + c * akr
        }
        for k in a.indices {
            let apk = a[p][k]
            let ark = a[r][k]
            a[p][k] = c * apk - s * ark
            a[r][k] = s * apk + c * ark
        }
        a[p][r] = 0
        a[r][p] = 0
        for k in q.indices {
            let qkp = q[k][p]
            let qkr = q[k][r]
            q[k][p] = c * qkp - s * qkr
            q[k][r] = s * qkp + c * qkr
        }
    }

    /// x′ M⁺ x with M⁺ the pseudo-inverse: eigenvalues at or below 1e-15 × the largest magnitude count as 0 (numpy pinv).
    func pseudoInverseQuadraticForm(_ x: [Double]) -> Double {
        let largest = values.map(\.magnitude).max() ?? 0
        var sum = 0.0
        for (value, vector) in zip(values, vectors) where value.magnitude > 1e-15 * largest {
            let projection = zip(vector, x).reduce(0) { $0 + $1.0 * $1.1 }
            sum += projection * projection / value
        }
        return sum
    }
}
