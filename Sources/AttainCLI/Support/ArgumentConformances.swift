import ArgumentParser
import Attain

extension OutputFormat: ExpressibleByArgument {}
extension ReportLanguage: ExpressibleByArgument {}
