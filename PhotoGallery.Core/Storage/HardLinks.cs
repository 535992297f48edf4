using System.Runtime.InteropServices;

namespace PhotoGallery.Core.Storage;

/// <summary>Hard links (.NET has symbolic links only): <c>link(2)</c> on Unix, <c>CreateHardLinkW</c> on Windows.</summary>
internal static class HardLinks
{
    /// <summary>False when the file system or platform refuses (another volume, FAT, no permission); the caller copies instead.</summary>
    public static bool TryCreate(string existingFile, string newFile)
    {
        try
        {
            return OperatingSystem.IsWindows()
                ? CreateHardLinkW(newFile, existingFile, IntPtr.Zero)
                : Link(existingFile, newFile) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool CreateHardLinkW(string fileName, string existingFileName, IntPtr securityAttributes);
}
