/// An element path of an XML document and how many elements it names.
package struct XMLElementCount: Sendable, Equatable {
    /// Absolute path of local names, e.g. `/registry/patient`.
    package let path: String
    package let count: Int

    /// A count of `count` elements at `path`.
    package init(path: String, count: Int) {
        self.path = path
        self.count = count
    }
}

/// A structural summary of an XML export, to find its record element (`regpool inspect` without `--record`).
package enum XMLStructureSurvey {
    /// The element paths that repeat — some element has two or more children at that path — in
    /// first-seen order, each with its number of elements in the whole file. Refuses a harmful DOCTYPE
    /// and fails on the first parser error, like `XMLReader`.
    package static func repeatedElements(path: String, displayName: String) throws -> [XMLElementCount] {
        let file = try InputFile(path: path, displayName: displayName)
        guard let reader = XMLStreamReader(fd: file.descriptor, url: displayName) else {
            throw ExtractError(
                file: displayName, message: "libxml2 could not start reading the file",
                hint: "check that the file is readable XML")
        }
        var tally = PathTally()
        var status = try checked(reader.read(), reader, displayName)
        while status == 1 {
            switch reader.kind {
            case .documentType:
                try reader.checkDoctype(file: displayName)
            case .element:
                if let element = reader.currentElement { tally.add(element.localName, depth: reader.depth) }
            case .other:
                break
            }
            status = try checked(reader.read(), reader, displayName)
        }
        withExtendedLifetime(file) {}
        return tally.repeated
    }

    private static func checked(_ status: Int32, _ reader: XMLStreamReader, _ displayName: String) throws -> Int32 {
        try reader.checked(status, file: displayName)
    }
}

/// Counts element paths and notes which ones occur twice under one parent.
private struct PathTally {
    private struct Frame {
        let path: String
        var children: [String: Int] = [:]
    }

    private var stack: [Frame] = []
    private var order: [String] = []
    private var counts: [String: Int] = [:]
    private var repeating: Set<String> = []

    mutating func add(_ name: [UInt8], depth: Int) {
        stack.removeLast(max(0, stack.count - depth))
        let path = (stack.last?.path ?? "") + "/" + String(decoding: name, as: UTF8.self)
        if counts[path] == nil { order.append(path) }
        counts[path, default: 0] += 1
        if !stack.isEmpty {
            stack[stack.count - 1].children[path, default: 0] += 1
            if stack[stack.count - 1].children[path] == 2 { repeating.insert(path) }
        }
        stack.append(Frame(path: path))
    }

    var repeated: [XMLElementCount] {
        order.filter(repeating.contains).map { XMLElementCount(path: $0, count: counts[$0] ?? 0) }
    }
}
