import CSV

/// CSV.swift's reader, named apart from Portrait's `CSVReader` (module `CSV` also declares a
/// type `CSV`, so `CSV.CSVReader` does not name it from a file that imports both).
typealias YaslabCSVReader = CSVReader
