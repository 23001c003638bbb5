import ArgumentParser
import Foundation
import PDFLayout
#if canImport(Glibc)
import Glibc
#endif

/// The rule that no command writes over one of its inputs: an output (a path, or standard output
/// redirected to a file with `>` or `>>`) is compared with every input by device and inode, links
/// resolved, before anything is written.
enum InputOverwrite {
    /// Exit status of the refusal: the output cannot be written (73, as in the README).
    static let status: Int32 = 73

    /// Device and inode of the regular file open as `fd` (`nil` for a pipe, terminal or device,
    /// which cannot be an input file).
    static func identity(ofDescriptor fd: Int32) -> [UInt64]? {
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        return [UInt64(st.st_dev), UInt64(st.st_ino)]
    }

    /// The identity of an input argument: the file, or for `-` standard input when it is a
    /// regular file (`< file`).
    static func identity(ofInput input: String) -> [UInt64]? {
        input == StandardStreams.dash ? identity(ofDescriptor: 0) : FileIdentity.deviceAndInode(ofPath: input)
    }

    /// The input among `inputs` that `output` is (`nil`, `-`: standard output), if any.
    static func clash(output: String?, inputs: [String]) -> String? {
        let out = output == nil || output == StandardStreams.dash ? identity(ofDescriptor: 1) : FileIdentity.deviceAndInode(ofPath: output!)
        guard let out else { return nil }
        return inputs.first { identity(ofInput: $0) == out }
    }

    /// The error message when `output` is the input `input`.
    static func message(output: String?, input: String) -> String {
        let what = input == StandardStreams.dash ? "standard input (the file redirected with <)" : "the input file \(MessageText.quoted(input))"
        if output == nil || output == StandardStreams.dash {
            return "standard output is \(what) (a redirection > or >> to it); nothing was written, and writing would destroy the input. Redirect the output to another file."
        }
        return "\(MessageText.quoted(output!)) is \(what) (the same device and inode); nothing was written. Choose another output path."
    }

    /// Refuses, before anything is written, when any of `outputs` (`nil` or `-`: standard output)
    /// is one of `inputs`: the message goes to standard error.
    /// - Throws: `ExitCode(status)` on a clash.
    static func refuse(outputs: [String?], inputs: [String]) throws {
        for output in outputs {
            if let input = clash(output: output, inputs: inputs) {
                CLIOutput.error(message(output: output, input: input))
                throw ExitCode(status)
            }
        }
    }
}
