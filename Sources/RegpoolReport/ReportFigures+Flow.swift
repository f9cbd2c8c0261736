import RegpoolModel

/// The flow diagram's boxes and arrows.
extension ReportFigures {
    var flowPage: [String: Any] {
        let main: [(String, Int)] = [
            ("Records received", flow.recordsReceived), ("Records accepted", flow.recordsAccepted),
            ("Local patients", flow.localPatients), ("Patients after linkage", flow.pooledPatients),
            ("Patients analysed", flow.analysed),
        ]
        let boxes = main.enumerated().map { i, item -> [String: Any] in
            [
                "x": 40, "y": 20 + 90 * i, "w": 260, "h": 50, "text": item.0, "n": item.1, "tx": 170,
                "ty1": 40 + 90 * i, "ty2": 60 + 90 * i,
            ]
        }
        let arrows = (0..<main.count - 1).map { i in ["x1": 170, "y1": 70 + 90 * i, "x2": 170, "y2": 108 + 90 * i] }
        let reasons = flow.excluded.filter { $0.patients > 0 }
        return [
            "boxes": boxes, "arrows": arrows,
            "rejected": ["y": 65, "n": flow.recordsRejected],
            "excluded": [
                "y": 335, "n": flow.excludedTotal, "h": 30 + 16 * reasons.count,
                "reasons": reasons.enumerated().map { i, r in
                    ["y": 375 + 16 * i, "label": CDM.tokenLabel(column: "reason", token: r.reason), "n": r.patients]
                },
            ],
            "linked": flow.localPatients - flow.pooledPatients,
            "height": max(460, 365 + 16 * reasons.count + 20),
        ]
    }
}
