using RnnWorkbook.Platform;

namespace RnnWorkbook.Tests.Platform;

public class AtomicFileTests
{
    [Fact]
    public void A_failed_write_leaves_the_old_file_and_no_temporary_file()
    {
        var folder = Directory.CreateTempSubdirectory("atomic-").FullName;
        try
        {
            var path = Path.Combine(folder, "model.json");
            AtomicFile.WriteAllText(path, "old");

            Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
            {
                stream.WriteByte(1);
                throw new IOException("disk full");
            }));

            Assert.Equal("old", File.ReadAllText(path));
            Assert.Equal(["model.json"], Directory.GetFiles(folder).Select(Path.GetFileName));
            AtomicFile.WriteAllText(path, "new");
            Assert.Equal("new", File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_folder_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => AtomicFile.WriteAllText(Path.GetTempPath(), "x"));
        Assert.Equal("path", error.ParamName);
    }
}
