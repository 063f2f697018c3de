import ArgumentParser
import Attain

extension OutputFormat: @retroactive ExpressibleByArgument {}
extension ReportLanguage: @retroactive ExpressibleByArgument {}
