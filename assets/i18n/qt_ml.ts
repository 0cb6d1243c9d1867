<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Words of Qt's own dialogs and buttons in Malayalam: Qt ships no qtbase_ml, so NormFit keeps these
     by hand (source texts as in Qt 6.12's qtbase). Compiled into normfit_ml.qm by tools/i18n.py release. -->
<TS version="2.1" language="ml_IN" sourcelanguage="en">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ശരി</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>സൂക്ഷിക്കുക</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>എല്ലാം സൂക്ഷിക്കുക</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>തുറക്കുക</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>അതെ (&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>എല്ലാറ്റിനും അതെ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>വേണ്ട (&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>ഒന്നിനും വേണ്ട (&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>നിർത്തുക</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>വീണ്ടും ശ്രമിക്കുക</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>അവഗണിക്കുക</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>അടയ്ക്കുക</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>റദ്ദാക്കുക</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>കളയുക</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>സഹായം</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>പ്രയോഗിക്കുക</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>പുനഃക്രമീകരിക്കുക</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>ആദ്യത്തെ ക്രമീകരണങ്ങൾ</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>ശരി</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>വിശദാംശങ്ങൾ കാണിക്കുക...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>വിശദാംശങ്ങൾ മറയ്ക്കുക...</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>എവിടെ (&amp;L):</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>ഫയലിന്റെ പേര് (&amp;N):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ഫയലിന്റെ തരം (&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>തുറക്കുക (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>സൂക്ഷിക്കുക (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>തിരഞ്ഞെടുക്കുക (&amp;C)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>തുറക്കുക</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>ഇങ്ങനെ സൂക്ഷിക്കുക</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>ഫോൾഡർ തിരഞ്ഞെടുക്കുക</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>ഫോൾഡർ:</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>പിന്നോട്ട്</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>മുന്നോട്ട്</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>പിന്നോട്ട് പോകുക</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>മുന്നോട്ട് പോകുക</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>മുകളിലെ ഫോൾഡർ</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>മുകളിലെ ഫോൾഡറിലേക്ക് പോകുക</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>പുതിയ ഫോൾഡർ ഉണ്ടാക്കുക</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>പുതിയ ഫോൾഡർ ഉണ്ടാക്കുക</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>പുതിയ ഫോൾഡർ</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>പുതിയ ഫോൾഡർ (&amp;N)</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>പട്ടികയായി</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>വിശദമായി</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>പട്ടികയായി കാണിക്കുക</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>വിശദമായി കാണിക്കുക</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>അടുത്തിടെ പോയ ഇടങ്ങൾ</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>വശത്തെ പട്ടിക</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>ഇടങ്ങളുടെയും ബുക്ക്മാർക്കുകളുടെയും പട്ടിക</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ഫയലുകൾ</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>ഫോൾഡറുകൾ</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>എല്ലാ ഫയലുകളും (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>എല്ലാ ഫയലുകളും (*)</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>മറഞ്ഞ ഫയലുകൾ കാണിക്കുക (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>പേരുമാറ്റുക (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>മായ്ക്കുക (&amp;D)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>മായ്ക്കുക</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>നീക്കുക</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 ഇപ്പോൾത്തന്നെയുണ്ട്.
അതിനു പകരം ഇത് വെക്കണോ?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
ഫയൽ കണ്ടില്ല.
ഫയലിന്റെ പേര് ശരിയാണോ എന്ന് നോക്കുക.</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
ഫോൾഡർ കണ്ടില്ല.
ഫോൾഡറിന്റെ പേര് ശരിയാണോ എന്ന് നോക്കുക.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>പേര്</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>വലിപ്പം</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>തരം</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>തരം</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>മാറ്റിയ തീയതി</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>എന്റെ കമ്പ്യൂട്ടർ</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>കമ്പ്യൂട്ടർ</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>തിരുത്തൽ മാറ്റുക (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>വീണ്ടും ചെയ്യുക (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>മുറിക്കുക (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>പകർത്തുക (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>ഒട്ടിക്കുക (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>മായ്ക്കുക</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>എല്ലാം തിരഞ്ഞെടുക്കുക</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>തിരുത്തൽ മാറ്റുക (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>വീണ്ടും ചെയ്യുക (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>മുറിക്കുക (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>പകർത്തുക (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>ഒട്ടിക്കുക (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>മായ്ക്കുക</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>എല്ലാം തിരഞ്ഞെടുക്കുക</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>കണ്ണിയുടെ വിലാസം പകർത്തുക (&amp;L)</translation>
    </message>
</context>
</TS>
