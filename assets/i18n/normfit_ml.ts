<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ml_IN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Something went wrong</source>
        <translation>എന്തോ പിശക് സംഭവിച്ചു</translation>
    </message>
    <message>
        <source>Training progress chart</source>
        <translation>പരിശീലന പുരോഗതി ചാർട്ട്</translation>
    </message>
    <message>
        <source>{name}: step {step}, loss {loss}</source>
        <translation>{name}: ചുവട് {step}, പിഴവ് {loss}</translation>
    </message>
    <message>
        <source>The training loss will appear here once training starts.
Lower means the model predicts your writing better.</source>
        <translation>പരിശീലനം തുടങ്ങിയാൽ പിഴവ് ഇവിടെ വരയായി കാണാം.
വര താഴുന്തോറും മോഡൽ നിങ്ങളുടെ എഴുത്ത് നന്നായി ഊഹിക്കുന്നു.</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>പരിശീലന ചുവട്</translation>
    </message>
    <message>
        <source>(loss)</source>
        <translation>(പിഴവ്)</translation>
    </message>
    <message>
        <source>check on text kept aside</source>
        <translation>മാറ്റിവെച്ച ഭാഗത്തിലെ പരിശോധന</translation>
    </message>
    <message>
        <source>No results yet.</source>
        <translation>ഇതുവരെ ഫലമൊന്നുമില്ല.</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>പ്രവർത്തിപ്പിച്ചില്ല</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>കുറവാണ് നല്ലത്</translation>
    </message>
    <message>
        <source>, log scale</source>
        <translation>, ലോഗ് സ്കെയിൽ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>പേര്</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>രീതി</translation>
    </message>
    <message>
        <source>Made for base model</source>
        <translation>ഏത് അടിസ്ഥാന മോഡലിന്</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>ഉണ്ടാക്കിയത് (UTC)</translation>
    </message>
    <message>
        <source>NormFit version</source>
        <translation>NormFit പതിപ്പ്</translation>
    </message>
    <message>
        <source>Training time (seconds)</source>
        <translation>പരിശീലന സമയം (സെക്കൻഡ്)</translation>
    </message>
    <message>
        <source>Step kept</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>സൂക്ഷിച്ച ചുവട്</translation>
    </message>
    <message>
        <source>Training tokens</source>
        <translation>പരിശീലന ടോക്കണുകൾ</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>പഠന നിരക്ക്</translation>
    </message>
    <message>
        <source>Its author&apos;s text, perplexity before</source>
        <translation>എഴുതിയ ആളുടെ എഴുത്ത്, ആശയക്കുഴപ്പ സ്കോർ മുമ്പ്</translation>
    </message>
    <message>
        <source>Its author&apos;s text, perplexity after</source>
        <translation>എഴുതിയ ആളുടെ എഴുത്ത്, ആശയക്കുഴപ്പ സ്കോർ ശേഷം</translation>
    </message>
    <message>
        <source>General text, perplexity before</source>
        <translation>സാധാരണ എഴുത്ത്, ആശയക്കുഴപ്പ സ്കോർ മുമ്പ്</translation>
    </message>
    <message>
        <source>General text, perplexity after</source>
        <translation>സാധാരണ എഴുത്ത്, ആശയക്കുഴപ്പ സ്കോർ ശേഷം</translation>
    </message>
    <message>
        <source>Adapter: {name}</source>
        <translation>അഡാപ്റ്റർ: {name}</translation>
    </message>
    <message>
        <source>Adapter details</source>
        <translation>അഡാപ്റ്ററിന്റെ വിവരങ്ങൾ</translation>
    </message>
    <message>
        <source>Fits the base model NormFit has loaded.</source>
        <translation>NormFit തുറന്നിരിക്കുന്ന അടിസ്ഥാന മോഡലിന് ഇത് ചേരും.</translation>
    </message>
    <message>
        <source>Fits this base</source>
        <translation>ഈ അടിസ്ഥാന മോഡലിന് ചേരുമോ</translation>
    </message>
    <message>
        <source>Result on your documents</source>
        <translation>നിങ്ങളുടെ രേഖകളിലെ ഫലം</translation>
    </message>
    <message>
        <source>&amp;Check on my documents</source>
        <translation>എന്റെ രേഖകളിൽ പരിശോധിക്കുക</translation>
    </message>
    <message>
        <source>Check this adapter on my documents</source>
        <translation>ഈ അഡാപ്റ്റർ എന്റെ രേഖകളിൽ പരിശോധിക്കുക</translation>
    </message>
    <message>
        <source>&amp;Use in Try it</source>
        <translation>“പരീക്ഷിച്ചുനോക്കൂ” എന്നതിൽ ഉപയോഗിക്കുക</translation>
    </message>
    <message>
        <source>Use this adapter in Try it</source>
        <translation>ഈ അഡാപ്റ്റർ “പരീക്ഷിച്ചുനോക്കൂ” എന്നതിൽ ഉപയോഗിക്കുക</translation>
    </message>
    <message>
        <source>&amp;What did it learn?</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>എന്ത് പഠിച്ചു?</translation>
    </message>
    <message>
        <source>Show the words this adapter learned, on a text you pick</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>നിങ്ങൾ തിരഞ്ഞെടുക്കുന്ന എഴുത്തിൽ ഈ അഡാപ്റ്റർ പഠിച്ച വാക്കുകൾ കാണിക്കുക</translation>
    </message>
    <message>
        <source>Guide for teachers</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>അധ്യാപകർക്കുള്ള സഹായി</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>അടയ്ക്കുക</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>തരം</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>വാക്കുകൾ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>നില</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>വിദ്യാർത്ഥി</translation>
    </message>
    <message>
        <source>Better on their writing</source>
        <translation>സ്വന്തം എഴുത്തിൽ മെച്ചം</translation>
    </message>
    <message>
        <source>Choose the class folder to begin.</source>
        <translation>തുടങ്ങാൻ ക്ലാസ് ഫോൾഡർ തിരഞ്ഞെടുക്കുക.</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>ക്ലാസ്</translation>
    </message>
    <message>
        <source>A whole class at once</source>
        <translation>ഒരു ക്ലാസ് മുഴുവൻ ഒന്നിച്ച്</translation>
    </message>
    <message>
        <source>Choose a class folder with one folder for each student, named after the student, holding their writing. NormFit makes one adapter for each student, one after another, and a report for the teacher. Students already done are not done again, so you can stop and continue later.</source>
        <translation>ഓരോ വിദ്യാർത്ഥിക്കും അവരുടെ പേരിൽ ഒരു ഫോൾഡറും അതിൽ അവരുടെ എഴുത്തും ഉള്ള ഒരു ക്ലാസ് ഫോൾഡർ തിരഞ്ഞെടുക്കുക. NormFit ഓരോരുത്തർക്കും ഓരോ അഡാപ്റ്റർ, ഒന്നിനു പിറകെ ഒന്നായി, ഉണ്ടാക്കും; അധ്യാപകർക്കായി ഒരു റിപ്പോർട്ടും. കഴിഞ്ഞ വിദ്യാർത്ഥികളെ വീണ്ടും ചെയ്യില്ല; അതിനാൽ ഇടയ്ക്ക് നിർത്തി പിന്നീട് തുടരാം.</translation>
    </message>
    <message>
        <source>Choose class &amp;folder...</source>
        <translation>ക്ലാസ് ഫോൾഡർ തിരഞ്ഞെടുക്കുക...</translation>
    </message>
    <message>
        <source>Choose class folder</source>
        <translation>ക്ലാസ് ഫോൾഡർ തിരഞ്ഞെടുക്കുക</translation>
    </message>
    <message>
        <source>Class folder</source>
        <translation>ക്ലാസ് ഫോൾഡർ</translation>
    </message>
    <message>
        <source>1 minute per student</source>
        <translation>ഓരോ വിദ്യാർത്ഥിക്കും 1 മിനിറ്റ്</translation>
    </message>
    <message>
        <source>{n} minutes per student</source>
        <translation>ഓരോ വിദ്യാർത്ഥിക്കും {n} മിനിറ്റ്</translation>
    </message>
    <message>
        <source>Time per student</source>
        <translation>ഓരോ വിദ്യാർത്ഥിക്കുമുള്ള സമയം</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>വിദ്യാർത്ഥികൾ</translation>
    </message>
    <message>
        <source>Each student&apos;s progress and result</source>
        <translation>ഓരോ വിദ്യാർത്ഥിയുടെയും പുരോഗതിയും ഫലവും</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>തുടങ്ങുക</translation>
    </message>
    <message>
        <source>Start the class</source>
        <translation>ക്ലാസ് തുടങ്ങുക</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>നിർത്തുക</translation>
    </message>
    <message>
        <source>Stop after saving what is finished</source>
        <translation>കഴിഞ്ഞവ സൂക്ഷിച്ചശേഷം നിർത്തുക</translation>
    </message>
    <message>
        <source>Open &amp;report</source>
        <translation>റിപ്പോർട്ട് തുറക്കുക</translation>
    </message>
    <message>
        <source>Open the teacher&apos;s report in the browser</source>
        <translation>അധ്യാപകർക്കുള്ള റിപ്പോർട്ട് ബ്രൗസറിൽ തുറക്കുക</translation>
    </message>
    <message>
        <source>Show the folder with the adapters and the report</source>
        <translation>അഡാപ്റ്ററുകളും റിപ്പോർട്ടും ഉള്ള ഫോൾഡർ കാണിക്കുക</translation>
    </message>
    <message>
        <source>&amp;Whose writing is this?</source>
        <translation>ഇത് ആരുടെ എഴുത്താണ്?</translation>
    </message>
    <message>
        <source>Guess whose a new piece of writing is, among this class&apos;s students</source>
        <translation>ഒരു പുതിയ എഴുത്ത് ഈ ക്ലാസിലെ ഏത് വിദ്യാർത്ഥിയുടേതാണെന്ന് ഊഹിക്കുക</translation>
    </message>
    <message>
        <source>{folder} ({n} students; results in {out})</source>
        <translation>{folder} ({n} വിദ്യാർത്ഥികൾ; ഫലങ്ങൾ {out} എന്ന ഫോൾഡറിൽ)</translation>
    </message>
    <message>
        <source>About {m} minutes in all for {n} students (plus a little for measuring).</source>
        <translation>{n} വിദ്യാർത്ഥികൾക്ക് ആകെ ഏകദേശം {m} മിനിറ്റ് (അളക്കാൻ അൽപ്പം കൂടി).</translation>
    </message>
    <message>
        <source>Choose the class folder</source>
        <translation>ക്ലാസ് ഫോൾഡർ തിരഞ്ഞെടുക്കുക</translation>
    </message>
    <message>
        <source>This folder has no student folders: put each student&apos;s writing in a folder named after them.</source>
        <translation>ഈ ഫോൾഡറിൽ വിദ്യാർത്ഥികളുടെ ഫോൾഡറുകളില്ല: ഓരോ വിദ്യാർത്ഥിയുടെയും എഴുത്ത് അവരുടെ പേരുള്ള ഒരു ഫോൾഡറിൽ വെക്കുക.</translation>
    </message>
    <message>
        <source>Ready: {n} students.</source>
        <translation>തയ്യാർ: {n} വിദ്യാർത്ഥികൾ.</translation>
    </message>
    <message>
        <source>Wait until the training in the main window has finished.</source>
        <translation>പ്രധാന ജാലകത്തിലെ പരിശീലനം കഴിയുന്നതുവരെ കാത്തിരിക്കുക.</translation>
    </message>
    <message>
        <source>Student {i} of {n}: {name}</source>
        <translation>{n}-ൽ {i}-ാമത്തെ വിദ്യാർത്ഥി: {name}</translation>
    </message>
    <message>
        <source>Stopping; finished students are kept...</source>
        <translation>നിർത്തുന്നു; കഴിഞ്ഞ വിദ്യാർത്ഥികളുടേത് സൂക്ഷിക്കും...</translation>
    </message>
    <message>
        <source>Done: {done} of {n} students have an adapter. The report is open in your browser.</source>
        <translation>കഴിഞ്ഞു: {n} വിദ്യാർത്ഥികളിൽ {done} പേർക്ക് അഡാപ്റ്ററുണ്ട്. റിപ്പോർട്ട് ബ്രൗസറിൽ തുറന്നിട്ടുണ്ട്.</translation>
    </message>
    <message>
        <source>Stopped: {done} of {n} students have an adapter. Start again to continue.</source>
        <translation>നിർത്തി: {n} വിദ്യാർത്ഥികളിൽ {done} പേർക്ക് അഡാപ്റ്ററുണ്ട്. തുടരാൻ വീണ്ടും തുടങ്ങുക.</translation>
    </message>
    <message>
        <source>The class run did not finish.</source>
        <translation>ക്ലാസിന്റെ പരിശീലനം പൂർത്തിയായില്ല.</translation>
    </message>
    <message>
        <source>The class run did not finish</source>
        <translation>ക്ലാസിന്റെ പരിശീലനം പൂർത്തിയായില്ല</translation>
    </message>
    <message>
        <source>Your documents</source>
        <translation>നിങ്ങളുടെ രേഖകൾ</translation>
    </message>
    <message>
        <source>Add some of your own writing: stories, essays, notes, code. NormFit reads plain text, Markdown, PDF, Word, OpenDocument, EPUB, web pages and source code. You can also drop files or folders onto this window. Nothing leaves this computer.</source>
        <translation>നിങ്ങൾ സ്വന്തമായി എഴുതിയവ ചേർക്കൂ: കഥകൾ, ഉപന്യാസങ്ങൾ, കുറിപ്പുകൾ, കോഡ്. എഴുത്ത് ഫയലുകൾ, Markdown, PDF, Word, OpenDocument, EPUB, വെബ് പേജുകൾ, സോഴ്സ് കോഡ് എന്നിവ NormFit-ന് വായിക്കാം. ഫയലുകളോ ഫോൾഡറുകളോ ഈ ജാലകത്തിലേക്ക് വലിച്ചിടുകയും ചെയ്യാം. ഒന്നും ഈ കമ്പ്യൂട്ടറിന് പുറത്തുപോകില്ല.</translation>
    </message>
    <message>
        <source>Add &amp;files...</source>
        <translation>ഫയലുകൾ ചേർക്കുക...</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>ഫയലുകൾ ചേർക്കുക</translation>
    </message>
    <message>
        <source>Choose one or more documents to add</source>
        <translation>ചേർക്കാൻ ഒന്നോ അതിലധികമോ രേഖകൾ തിരഞ്ഞെടുക്കുക</translation>
    </message>
    <message>
        <source>Add f&amp;older...</source>
        <translation>ഫോൾഡർ ചേർക്കുക...</translation>
    </message>
    <message>
        <source>Add folder</source>
        <translation>ഫോൾഡർ ചേർക്കുക</translation>
    </message>
    <message>
        <source>Add every readable document inside a folder</source>
        <translation>ഒരു ഫോൾഡറിലെ വായിക്കാവുന്ന എല്ലാ രേഖകളും ചേർക്കുക</translation>
    </message>
    <message>
        <source>Try with &amp;sample documents</source>
        <translation>മാതൃകാ രേഖകൾ വെച്ച് നോക്കുക</translation>
    </message>
    <message>
        <source>Try with sample documents</source>
        <translation>മാതൃകാ രേഖകൾ വെച്ച് നോക്കുക</translation>
    </message>
    <message>
        <source>Load the sample documents that come with NormFit</source>
        <translation>NormFit-നൊപ്പം വരുന്ന മാതൃകാ രേഖകൾ തുറക്കുക</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>നീക്കുക</translation>
    </message>
    <message>
        <source>Remove selected documents</source>
        <translation>തിരഞ്ഞെടുത്ത രേഖകൾ നീക്കുക</translation>
    </message>
    <message>
        <source>Remove &amp;all</source>
        <translation>എല്ലാം നീക്കുക</translation>
    </message>
    <message>
        <source>Remove all documents</source>
        <translation>എല്ലാ രേഖകളും നീക്കുക</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>രേഖകൾ</translation>
    </message>
    <message>
        <source>The documents NormFit will learn from, with their status</source>
        <translation>NormFit പഠിക്കാൻ പോകുന്ന രേഖകളും അവയുടെ നിലയും</translation>
    </message>
    <message>
        <source>Reading status</source>
        <translation>വായനയുടെ നില</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>വായന നിർത്തുക</translation>
    </message>
    <message>
        <source>Stop reading documents</source>
        <translation>രേഖകൾ വായിക്കുന്നത് നിർത്തുക</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>ആകെ</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>മുന്നറിയിപ്പ്</translation>
    </message>
    <message>
        <source>Looking at this computer...</source>
        <translation>ഈ കമ്പ്യൂട്ടർ പരിശോധിക്കുന്നു...</translation>
    </message>
    <message>
        <source>Ready when you are.</source>
        <translation>നിങ്ങൾ തയ്യാറാകുമ്പോൾ തുടങ്ങാം.</translation>
    </message>
    <message>
        <source>Personalise</source>
        <translation>വ്യക്തിഗതമാക്കുക</translation>
    </message>
    <message>
        <source>NormFit adjusts a tiny part of its language model (about 2,300 numbers) so that it predicts your writing better. A part of your text is kept aside to measure the result honestly.</source>
        <translation>നിങ്ങളുടെ എഴുത്ത് കൂടുതൽ നന്നായി ഊഹിക്കാൻ, NormFit അതിന്റെ ഭാഷാ മോഡലിന്റെ ഒരു ചെറിയ ഭാഗം (ഏകദേശം 2,300 സംഖ്യകൾ) മാറ്റുന്നു. ഫലം സത്യസന്ധമായി അളക്കാൻ നിങ്ങളുടെ എഴുത്തിന്റെ ഒരു ഭാഗം മാറ്റിവെക്കുന്നു.</translation>
    </message>
    <message>
        <source>&amp;Who is this for?</source>
        <translation>ഇത് ആർക്കുവേണ്ടി? (&amp;W)</translation>
    </message>
    <message>
        <source>Name or nickname</source>
        <translation>പേര് അല്ലെങ്കിൽ വിളിപ്പേര്</translation>
    </message>
    <message>
        <source>Optional. It becomes the adapter&apos;s name and file name, so you can find it again.</source>
        <translation>നിർബന്ധമില്ല. ഇത് അഡാപ്റ്ററിന്റെ പേരും ഫയലിന്റെ പേരും ആകും; പിന്നീട് എളുപ്പം കണ്ടെത്താം.</translation>
    </message>
    <message>
        <source>Name or nickname (optional)</source>
        <translation>പേര് അല്ലെങ്കിൽ വിളിപ്പേര് (നിർബന്ധമില്ല)</translation>
    </message>
    <message>
        <source>Nothing else about you is kept.</source>
        <translation>നിങ്ങളെക്കുറിച്ച് മറ്റൊന്നും സൂക്ഷിക്കില്ല.</translation>
    </message>
    <message>
        <source>How long may it train?</source>
        <translation>എത്ര സമയം പരിശീലിപ്പിക്കണം?</translation>
    </message>
    <message>
        <source>Time budget</source>
        <translation>സമയപരിധി</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 മിനിറ്റ്</translation>
    </message>
    <message>
        <source>5 minutes (recommended)</source>
        <translation>5 മിനിറ്റ് (നല്ലത്)</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} മിനിറ്റ്</translation>
    </message>
    <message>
        <source>Train for {n} minutes</source>
        <translation>{n} മിനിറ്റ് പരിശീലിപ്പിക്കുക</translation>
    </message>
    <message>
        <source>How much may it change ordinary text?</source>
        <translation>സാധാരണ എഴുത്തിൽ എത്രത്തോളം മാറ്റം ആകാം?</translation>
    </message>
    <message>
        <source>General-text limit</source>
        <translation>സാധാരണ എഴുത്തിനുള്ള പരിധി</translation>
    </message>
    <message>
        <source>Careful (1%)</source>
        <translation>ശ്രദ്ധയോടെ (1%)</translation>
    </message>
    <message>
        <source>General text may get at most 1% worse; learns a little less</source>
        <translation>സാധാരണ എഴുത്ത് പരമാവധി 1% മോശമാകാം; കുറച്ചു കുറവേ പഠിക്കൂ</translation>
    </message>
    <message>
        <source>Balanced (3%, recommended)</source>
        <translation>മിതമായി (3%, നല്ലത്)</translation>
    </message>
    <message>
        <source>General text may get at most 3% worse</source>
        <translation>സാധാരണ എഴുത്ത് പരമാവധി 3% മോശമാകാം</translation>
    </message>
    <message>
        <source>Strong (10%)</source>
        <translation>ശക്തമായി (10%)</translation>
    </message>
    <message>
        <source>Learns your writing more; general text may get up to 10% worse</source>
        <translation>നിങ്ങളുടെ എഴുത്ത് കൂടുതൽ പഠിക്കും; സാധാരണ എഴുത്ത് 10% വരെ മോശമാകാം</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>പരിധിയില്ല</translation>
    </message>
    <message>
        <source>Nothing holds the model close to what it knew; general text can get much worse</source>
        <translation>മോഡൽ മുമ്പ് അറിഞ്ഞിരുന്നതിൽ നിന്ന് അകന്നുപോകാം; സാധാരണ എഴുത്ത് ഏറെ മോശമാകാം</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>ഉപകരണം</translation>
    </message>
    <message>
        <source>Also compare with LoRA and full fine-tuning</source>
        <translation>LoRA, പൂർണ്ണ പരിശീലനം എന്നിവയുമായും താരതമ്യം ചെയ്യുക</translation>
    </message>
    <message>
        <source>Trains the other kinds of adapter with the same time budget each, so it takes {n} times as long</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>മറ്റ് തരം അഡാപ്റ്ററുകളെയും ഓരോന്നിനും ഇതേ സമയം നൽകി പരിശീലിപ്പിക്കുന്നു, അതിനാൽ {n} മടങ്ങ് സമയമെടുക്കും</translation>
    </message>
    <message>
        <source>&amp;Start personalising</source>
        <translation>വ്യക്തിഗതമാക്കൽ തുടങ്ങുക</translation>
    </message>
    <message>
        <source>Start personalising</source>
        <translation>വ്യക്തിഗതമാക്കൽ തുടങ്ങുക</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>റദ്ദാക്കുക</translation>
    </message>
    <message>
        <source>Cancel training</source>
        <translation>പരിശീലനം റദ്ദാക്കുക</translation>
    </message>
    <message>
        <source>Stop training within a second or two; you can keep the best result so far</source>
        <translation>ഒന്നുരണ്ടു സെക്കൻഡിനുള്ളിൽ പരിശീലനം നിർത്തും; അതുവരെയുള്ള മികച്ച ഫലം സൂക്ഷിക്കാം</translation>
    </message>
    <message>
        <source>Computer speed</source>
        <translatorcomment>unreviewed: written by a developer (issue 22), not yet checked by a Malayalam speaker</translatorcomment>
        <translation>കമ്പ്യൂട്ടറിന്റെ വേഗം</translation>
    </message>
    <message>
        <source>Share...</source>
        <translation>പങ്കിടുക...</translation>
    </message>
    <message>
        <source>Share selected adapter</source>
        <translation>തിരഞ്ഞെടുത്ത അഡാപ്റ്റർ പങ്കിടുക</translation>
    </message>
    <message>
        <source>What is happening</source>
        <translation>ഇപ്പോൾ നടക്കുന്നത്</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>പുരോഗതി</translation>
    </message>
    <message>
        <source>Elapsed and remaining time</source>
        <translation>കഴിഞ്ഞ സമയവും ബാക്കി സമയവും</translation>
    </message>
    <message>
        <source>Training details</source>
        <translation>പരിശീലന വിവരങ്ങൾ</translation>
    </message>
    <message>
        <source>Your writing (perplexity)</source>
        <translation>നിങ്ങളുടെ എഴുത്ത്
(ആശയക്കുഴപ്പ സ്കോർ)</translation>
    </message>
    <message>
        <source>General text (perplexity)</source>
        <translation>സാധാരണ എഴുത്ത്
(ആശയക്കുഴപ്പ സ്കോർ)</translation>
    </message>
    <message>
        <source>Trainable numbers</source>
        <translation>പരിശീലിപ്പിക്കുന്ന
സംഖ്യകൾ</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>ഫയലിന്റെ വലിപ്പം</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>സമയം</translation>
    </message>
    <message>
        <source>Personalised model</source>
        <translation>വ്യക്തിഗത മോഡൽ</translation>
    </message>
    <message>
        <source>No results yet</source>
        <translation>ഇതുവരെ ഫലമൊന്നുമില്ല</translation>
    </message>
    <message>
        <source>Personalise the model first, or open an adapter file.</source>
        <translation>ആദ്യം മോഡൽ വ്യക്തിഗതമാക്കുക, അല്ലെങ്കിൽ ഒരു അഡാപ്റ്റർ ഫയൽ തുറക്കുക.</translation>
    </message>
    <message>
        <source>Result details</source>
        <translation>ഫലത്തിന്റെ വിവരങ്ങൾ</translation>
    </message>
    <message>
        <source>General text check</source>
        <translation>സാധാരണ എഴുത്തിലെ പരിശോധന</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>നേരത്തേ നിർത്തി</translation>
    </message>
    <message>
        <source>Comparison at the same time budget</source>
        <translation>ഒരേ സമയപരിധിയിലെ താരതമ്യം</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>താരതമ്യം</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>വിധി</translation>
    </message>
    <message>
        <source>Comparison table</source>
        <translation>താരതമ്യ പട്ടിക</translation>
    </message>
    <message>
        <source>Your writing (perplexity after training)</source>
        <translation>നിങ്ങളുടെ എഴുത്ത് (പരിശീലനത്തിനു ശേഷമുള്ള ആശയക്കുഴപ്പ സ്കോർ)</translation>
    </message>
    <message>
        <source>General text (perplexity after training)</source>
        <translation>സാധാരണ എഴുത്ത് (പരിശീലനത്തിനു ശേഷമുള്ള ആശയക്കുഴപ്പ സ്കോർ)</translation>
    </message>
    <message>
        <source>Which result to save</source>
        <translation>ഏത് ഫലം സൂക്ഷിക്കണം</translation>
    </message>
    <message>
        <source>Sa&amp;ve adapter...</source>
        <translation>അഡാപ്റ്റർ സൂക്ഷിക്കുക...</translation>
    </message>
    <message>
        <source>Save adapter</source>
        <translation>അഡാപ്റ്റർ സൂക്ഷിക്കുക</translation>
    </message>
    <message>
        <source>Save the personalised part as a small file you can keep or share</source>
        <translation>വ്യക്തിഗതമാക്കിയ ഭാഗം, സൂക്ഷിക്കാനോ പങ്കിടാനോ കഴിയുന്ന ഒരു ചെറിയ ഫയലായി സൂക്ഷിക്കുക</translation>
    </message>
    <message>
        <source>S&amp;hare...</source>
        <translation>പങ്കിടുക...</translation>
    </message>
    <message>
        <source>Share adapter</source>
        <translation>അഡാപ്റ്റർ പങ്കിടുക</translation>
    </message>
    <message>
        <source>Write the adapter and a signed entry to a folder, such as a USB stick, to give to others</source>
        <translation>മറ്റുള്ളവർക്ക് നൽകാൻ, അഡാപ്റ്ററും ഒപ്പിട്ട ഒരു കുറിപ്പും ഒരു ഫോൾഡറിലേക്ക് (ഉദാഹരണത്തിന് ഒരു USB സ്റ്റിക്ക്) എഴുതുക</translation>
    </message>
    <message>
        <source>&amp;Open adapter...</source>
        <translation>അഡാപ്റ്റർ തുറക്കുക...</translation>
    </message>
    <message>
        <source>Open adapter</source>
        <translation>അഡാപ്റ്റർ തുറക്കുക</translation>
    </message>
    <message>
        <source>Look inside an adapter file and check it on your documents</source>
        <translation>ഒരു അഡാപ്റ്റർ ഫയലിൽ എന്താണെന്ന് നോക്കി നിങ്ങളുടെ രേഖകളിൽ പരിശോധിക്കുക</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>സൂക്ഷിച്ചതിന്റെ നില</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>പരീക്ഷിച്ചുനോക്കൂ</translation>
    </message>
    <message>
        <source>Type the beginning of a sentence; both models continue it, and show the next words they expect as you type.</source>
        <translatorcomment>unreviewed: drafted in the issue 20 session; a Malayalam speaker has not read it yet</translatorcomment>
        <translation>ഒരു വാക്യത്തിന്റെ തുടക്കം ടൈപ്പ് ചെയ്യൂ; രണ്ട് മോഡലുകളും അത് തുടരും, ടൈപ്പ് ചെയ്യുമ്പോൾ അടുത്തതായി അവ പ്രതീക്ഷിക്കുന്ന വാക്കുകളും കാണിക്കും.</translation>
    </message>
    <message>
        <source>A model this small writes loosely: look for your kind of words, not for sense.</source>
        <translatorcomment>unreviewed: drafted in the issue 20 session; a Malayalam speaker has not read it yet</translatorcomment>
        <translation>ഇത്ര ചെറിയ മോഡൽ അയഞ്ഞ മട്ടിലേ എഴുതൂ: അർത്ഥമല്ല, നിങ്ങളുടെ തരം വാക്കുകളാണ് നോക്കേണ്ടത്.</translation>
    </message>
    <message>
        <source>About the model&apos;s writing</source>
        <translatorcomment>unreviewed: drafted in the issue 20 session; a Malayalam speaker has not read it yet</translatorcomment>
        <translation>മോഡലിന്റെ എഴുത്തിനെക്കുറിച്ച്</translation>
    </message>
    <message>
        <source>Start like you do:</source>
        <translatorcomment>unreviewed: drafted in the issue 20 session; a Malayalam speaker has not read it yet</translatorcomment>
        <translation>നിങ്ങൾ തുടങ്ങുന്നതുപോലെ തുടങ്ങാം:</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>തുടക്കം</translation>
    </message>
    <message>
        <source>The beginning of a sentence for the models to continue</source>
        <translation>മോഡലുകൾ തുടർന്നെഴുതേണ്ട വാക്യത്തിന്റെ തുടക്കം</translation>
    </message>
    <message>
        <source>For example: The morning after the storm</source>
        <translation>ഉദാഹരണത്തിന്: The morning after the storm</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>എഴുതുക</translation>
    </message>
    <message>
        <source>Write continuations</source>
        <translation>തുടർച്ച എഴുതുക</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>അടിസ്ഥാന മോഡൽ</translation>
    </message>
    <message>
        <source>Next words, base model:</source>
        <translatorcomment>unreviewed: drafted in the issue 20 session; a Malayalam speaker has not read it yet</translatorcomment>
        <translation>അടുത്ത വാക്കുകൾ, അടിസ്ഥാന മോഡൽ:</translation>
    </message>
    <message>
        <source>Next words, personalised:</source>
        <translatorcomment>unreviewed: drafted in the issue 20 session; a Malayalam speaker has not read it yet</translatorcomment>
        <translation>അടുത്ത വാക്കുകൾ, വ്യക്തിഗത മോഡൽ:</translation>
    </message>
    <message>
        <source>Add this word to the prompt</source>
        <translatorcomment>unreviewed: drafted in the issue 20 session; a Malayalam speaker has not read it yet</translatorcomment>
        <translation>ഈ വാക്ക് തുടക്കത്തോട് ചേർക്കുക</translation>
    </message>
    <message>
        <source>Suggested word</source>
        <translatorcomment>unreviewed: drafted in the issue 20 session; a Malayalam speaker has not read it yet</translatorcomment>
        <translation>നിർദ്ദേശിച്ച വാക്ക്</translation>
    </message>
    <message>
        <source>One of your own sentence openings</source>
        <translatorcomment>unreviewed: drafted in the issue 20 session; a Malayalam speaker has not read it yet</translatorcomment>
        <translation>നിങ്ങളുടെ സ്വന്തം വാക്യത്തുടക്കങ്ങളിൽ ഒന്ന്</translation>
    </message>
    <message>
        <source>Base model continuation</source>
        <translation>അടിസ്ഥാന മോഡലിന്റെ തുടർച്ച</translation>
    </message>
    <message>
        <source>Personalised model continuation</source>
        <translation>വ്യക്തിഗത മോഡലിന്റെ തുടർച്ച</translation>
    </message>
    <message>
        <source>Typing saved by suggestions</source>
        <translatorcomment>unreviewed: drafted in the issue 20 session; a Malayalam speaker has not read it yet</translatorcomment>
        <translation>നിർദ്ദേശങ്ങൾ കൊണ്ട് ലാഭിക്കുന്ന ടൈപ്പിംഗ്</translation>
    </message>
    <message>
        <source>On {n} words of your writing that NormFit kept aside, your model&apos;s three suggestions would have saved {a} of the letters typed, the base model&apos;s {b} (a gain of {d} points, give or take {m}).</source>
        <translatorcomment>unreviewed: drafted in the issue 20 session; a Malayalam speaker has not read it yet</translatorcomment>
        <translation>NormFit മാറ്റിവെച്ച ഭാഗത്തിലെ നിങ്ങളുടെ {n} വാക്കുകളിൽ, നിങ്ങളുടെ മോഡലിന്റെ മൂന്ന് നിർദ്ദേശങ്ങൾ ടൈപ്പ് ചെയ്യേണ്ട അക്ഷരങ്ങളുടെ {a} ലാഭിക്കുമായിരുന്നു, അടിസ്ഥാന മോഡലിന്റേത് {b} ({d} പോയിന്റ് നേട്ടം, {m} വരെ കൂടുകയോ കുറയുകയോ ചെയ്യാം).</translation>
    </message>
    <message>
        <source>On {n} words of your writing that NormFit kept aside, your model&apos;s suggestions do not yet save clearly more typing than the base model&apos;s: the difference is within what chance could give.</source>
        <translatorcomment>unreviewed: drafted in the issue 20 session; a Malayalam speaker has not read it yet</translatorcomment>
        <translation>NormFit മാറ്റിവെച്ച ഭാഗത്തിലെ നിങ്ങളുടെ {n} വാക്കുകളിൽ, നിങ്ങളുടെ മോഡലിന്റെ നിർദ്ദേശങ്ങൾ അടിസ്ഥാന മോഡലിന്റേതിനേക്കാൾ വ്യക്തമായി കൂടുതൽ ടൈപ്പിംഗ് ഇതുവരെ ലാഭിക്കുന്നില്ല: വ്യത്യാസം യാദൃച്ഛികമായും വരാവുന്നത്ര മാത്രമാണ്.</translation>
    </message>
    <message>
        <source>Measuring how much typing its next-word suggestions would save...</source>
        <translatorcomment>unreviewed: drafted in the issue 20 session; a Malayalam speaker has not read it yet</translatorcomment>
        <translation>അടുത്ത വാക്ക് നിർദ്ദേശങ്ങൾ എത്ര ടൈപ്പിംഗ് ലാഭിക്കുമെന്ന് അളക്കുന്നു...</translation>
    </message>
    <message>
        <source>Start with: {words}</source>
        <translatorcomment>unreviewed: drafted in the issue 20 session; a Malayalam speaker has not read it yet</translatorcomment>
        <translation>ഇങ്ങനെ തുടങ്ങുക: {words}</translation>
    </message>
    <message>
        <source>Suggested word: {word}</source>
        <translatorcomment>unreviewed: drafted in the issue 20 session; a Malayalam speaker has not read it yet</translatorcomment>
        <translation>നിർദ്ദേശിച്ച വാക്ക്: {word}</translation>
    </message>
    <message>
        <source>Your saved adapters</source>
        <translation>നിങ്ങൾ സൂക്ഷിച്ച അഡാപ്റ്ററുകൾ</translation>
    </message>
    <message>
        <source>Saved adapters</source>
        <translation>സൂക്ഷിച്ച അഡാപ്റ്ററുകൾ</translation>
    </message>
    <message>
        <source>Adapters saved in NormFit&apos;s folder, by name; double-click one to open it</source>
        <translation>NormFit-ന്റെ ഫോൾഡറിൽ സൂക്ഷിച്ച അഡാപ്റ്ററുകൾ, പേരനുസരിച്ച്; തുറക്കാൻ ഒന്നിൽ രണ്ടുതവണ ക്ലിക്ക് ചെയ്യുക</translation>
    </message>
    <message>
        <source>Open selected</source>
        <translation>തിരഞ്ഞെടുത്തത് തുറക്കുക</translation>
    </message>
    <message>
        <source>Open selected adapter</source>
        <translation>തിരഞ്ഞെടുത്ത അഡാപ്റ്റർ തുറക്കുക</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>ഫോൾഡർ കാണിക്കുക</translation>
    </message>
    <message>
        <source>Show the adapters folder</source>
        <translation>അഡാപ്റ്ററുകളുടെ ഫോൾഡർ കാണിക്കുക</translation>
    </message>
    <message>
        <source>NormFit adapter (*.safetensors)</source>
        <translation>NormFit അഡാപ്റ്റർ (*.safetensors)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>എഴുത്ത് ഫയൽ</translation>
    </message>
    <message>
        <source>Source code</source>
        <translation>സോഴ്സ് കോഡ്</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word രേഖ</translation>
    </message>
    <message>
        <source>OpenDocument text</source>
        <translation>OpenDocument രേഖ</translation>
    </message>
    <message>
        <source>Rich Text</source>
        <translation>Rich Text (RTF)</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>വെബ് പേജ്</translation>
    </message>
    <message>
        <source>E-book</source>
        <translation>ഇ-ബുക്ക്</translation>
    </message>
    <message>
        <source>Using your NVIDIA graphics card ({name})</source>
        <translation>നിങ്ങളുടെ NVIDIA ഗ്രാഫിക്സ് കാർഡ് ഉപയോഗിക്കുന്നു ({name})</translation>
    </message>
    <message>
        <source>Using your Mac&apos;s graphics processor</source>
        <translation>നിങ്ങളുടെ Mac-ന്റെ ഗ്രാഫിക്സ് പ്രോസസർ ഉപയോഗിക്കുന്നു</translation>
    </message>
    <message>
        <source>Using the processor, 1 core</source>
        <translation>പ്രോസസർ ഉപയോഗിക്കുന്നു, 1 കോർ</translation>
    </message>
    <message>
        <source>Using the processor, {n} cores</source>
        <translation>പ്രോസസർ ഉപയോഗിക്കുന്നു, {n} കോറുകൾ</translation>
    </message>
    <message>
        <source>The same text as another document; counted once.</source>
        <translation>മറ്റൊരു രേഖയിലെ അതേ എഴുത്ത്; ഒരിക്കൽ മാത്രം എണ്ണി.</translation>
    </message>
    <message>
        <source>NormFit</source>
        <translation>NormFit</translation>
    </message>
    <message>
        <source>Loading the base model...</source>
        <translation>അടിസ്ഥാന മോഡൽ തുറക്കുന്നു...</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ഫയൽ (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Save adapter...</source>
        <translation>അഡാപ്റ്റർ സൂക്ഷിക്കുക...</translation>
    </message>
    <message>
        <source>&amp;Class...</source>
        <translation>ക്ലാസ്...</translation>
    </message>
    <message>
        <source>Shared fol&amp;der...</source>
        <translation>പങ്കിട്ട ഫോൾഡർ...</translation>
    </message>
    <message>
        <source>&amp;Whose writing is this?...</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഇത് ആരുടെ എഴുത്താണ്?...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>പുറത്തുകടക്കുക</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>പോകുക (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>രേഖകൾ</translation>
    </message>
    <message>
        <source>&amp;Personalise</source>
        <translation>വ്യക്തിഗതമാക്കുക</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>ഫലങ്ങൾ</translation>
    </message>
    <message>
        <source>&amp;Cancel training</source>
        <translation>പരിശീലനം റദ്ദാക്കുക</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ഭാഷ / Language (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>സഹായം (&amp;H)</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>ലോഗ് ഫോൾഡർ തുറക്കുക</translation>
    </message>
    <message>
        <source>&amp;Guide for teachers</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>അധ്യാപകർക്കുള്ള സഹായി</translation>
    </message>
    <message>
        <source>&amp;About NormFit</source>
        <translation>NormFit-നെക്കുറിച്ച്</translation>
    </message>
    <message>
        <source>1  Documents</source>
        <translation>1  രേഖകൾ</translation>
    </message>
    <message>
        <source>2  Personalise</source>
        <translation>2  വ്യക്തിഗതമാക്കുക</translation>
    </message>
    <message>
        <source>3  Results</source>
        <translation>3  ഫലങ്ങൾ</translation>
    </message>
    <message>
        <source>Go to step {n} (Ctrl+{n})</source>
        <translation>ഘട്ടം {n}-ലേക്ക് പോകുക (Ctrl+{n})</translation>
    </message>
    <message>
        <source>then</source>
        <translation>പിന്നെ</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>പിന്നോട്ട്</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; പിന്നോട്ട്</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>അടുത്തത്</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>അടുത്തത് &gt;</translation>
    </message>
    <message>
        <source>Base model status</source>
        <translation>അടിസ്ഥാന മോഡലിന്റെ നില</translation>
    </message>
    <message>
        <source>Sample documents</source>
        <translation>മാതൃകാ രേഖകൾ</translation>
    </message>
    <message>
        <source>Stop training?</source>
        <translation>പരിശീലനം നിർത്തണോ?</translation>
    </message>
    <message>
        <source>NormFit is still training. Stop and close?</source>
        <translation>NormFit ഇപ്പോഴും പരിശീലിക്കുകയാണ്. നിർത്തി അടയ്ക്കണോ?</translation>
    </message>
    <message>
        <source>Add documents first.</source>
        <translation>ആദ്യം രേഖകൾ ചേർക്കുക.</translation>
    </message>
    <message>
        <source>Base model: {id}  ·  {device}</source>
        <translation>അടിസ്ഥാന മോഡൽ: {id}  ·  {device}</translation>
    </message>
    <message>
        <source>No base model loaded</source>
        <translation>അടിസ്ഥാന മോഡൽ തുറന്നിട്ടില്ല</translation>
    </message>
    <message>
        <source>The base model could not be loaded</source>
        <translation>അടിസ്ഥാന മോഡൽ തുറക്കാനായില്ല</translation>
    </message>
    <message>
        <source>NormFit could not load its language model: {why}</source>
        <translation>NormFit-ന് അതിന്റെ ഭാഷാ മോഡൽ തുറക്കാനായില്ല: {why}</translation>
    </message>
    <message>
        <source>Add documents</source>
        <translation>രേഖകൾ ചേർക്കുക</translation>
    </message>
    <message>
        <source>Documents (*.txt *.md *.rst *.tex *.pdf *.docx *.odt *.rtf *.epub *.html *.htm *.py);;All files (*)</source>
        <translation>രേഖകൾ (*.txt *.md *.rst *.tex *.pdf *.docx *.odt *.rtf *.epub *.html *.htm *.py);;എല്ലാ ഫയലുകളും (*)</translation>
    </message>
    <message>
        <source>Add a folder of documents</source>
        <translation>രേഖകളുള്ള ഒരു ഫോൾഡർ ചേർക്കുക</translation>
    </message>
    <message>
        <source>A novelist&apos;s short story</source>
        <translation>ഒരു നോവലിസ്റ്റിന്റെ ചെറുകഥ</translation>
    </message>
    <message>
        <source>A programmer&apos;s code and notes</source>
        <translation>ഒരു പ്രോഗ്രാമറുടെ കോഡും കുറിപ്പുകളും</translation>
    </message>
    <message>
        <source>A scientist&apos;s report</source>
        <translation>ഒരു ശാസ്ത്രജ്ഞയുടെ റിപ്പോർട്ട്</translation>
    </message>
    <message>
        <source>No sample documents</source>
        <translation>മാതൃകാ രേഖകളില്ല</translation>
    </message>
    <message>
        <source>The sample documents are missing from {path}.</source>
        <translation>മാതൃകാ രേഖകൾ {path} എന്നിടത്ത് കാണുന്നില്ല.</translation>
    </message>
    <message>
        <source>Starting up; your documents will be read in a moment...</source>
        <translation>തുടങ്ങുകയാണ്; നിങ്ങളുടെ രേഖകൾ ഉടൻ വായിക്കും...</translation>
    </message>
    <message>
        <source>Reading your documents...</source>
        <translation>നിങ്ങളുടെ രേഖകൾ വായിക്കുന്നു...</translation>
    </message>
    <message>
        <source>Reading {i} of {n}: {name}</source>
        <translation>{n}-ൽ {i}-ാമത്തേത് വായിക്കുന്നു: {name}</translation>
    </message>
    <message>
        <source>The documents could not be read</source>
        <translation>രേഖകൾ വായിക്കാനായില്ല</translation>
    </message>
    <message>
        <source>Stopped reading; the documents read so far were added.</source>
        <translation>വായന നിർത്തി; ഇതുവരെ വായിച്ച രേഖകൾ ചേർത്തു.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>തയ്യാർ</translation>
    </message>
    <message>
        <source>Skipped: {why}</source>
        <translation>ഒഴിവാക്കി: {why}</translation>
    </message>
    <message>
        <source>No documents yet.</source>
        <translation>ഇതുവരെ രേഖകളൊന്നുമില്ല.</translation>
    </message>
    <message>
        <source>1 document ready, {w} words.</source>
        <translation>1 രേഖ തയ്യാർ, {w} വാക്കുകൾ.</translation>
    </message>
    <message>
        <source>{n} documents ready, {w} words.</source>
        <translation>{n} രേഖകൾ തയ്യാർ, {w} വാക്കുകൾ.</translation>
    </message>
    <message>
        <source>{k} skipped.</source>
        <translation>{k} എണ്ണം ഒഴിവാക്കി.</translation>
    </message>
    <message>
        <source>Takes about 1 minute.</source>
        <translation>ഏകദേശം 1 മിനിറ്റ് എടുക്കും.</translation>
    </message>
    <message>
        <source>Takes about {n} minutes.</source>
        <translation>ഏകദേശം {n} മിനിറ്റ് എടുക്കും.</translation>
    </message>
    <message>
        <source>Not enough text</source>
        <translation>എഴുത്ത് പോരാ</translation>
    </message>
    <message>
        <source>A class is being personalised (File &gt; Class...); wait until it has finished or stop it.</source>
        <translation>ഒരു ക്ലാസിനെ വ്യക്തിഗതമാക്കുകയാണ് (ഫയൽ &gt; ക്ലാസ്...); അത് കഴിയുന്നതുവരെ കാത്തിരിക്കുക, അല്ലെങ്കിൽ നിർത്തുക.</translation>
    </message>
    <message>
        <source>Getting your text ready...</source>
        <translation>നിങ്ങളുടെ എഴുത്ത് ഒരുക്കുന്നു...</translation>
    </message>
    <message>
        <source>This computer is busy; NormFit is using the time it has.</source>
        <translatorcomment>unreviewed: written by a developer (issue 22), not yet checked by a Malayalam speaker</translatorcomment>
        <translation>ഈ കമ്പ്യൂട്ടർ തിരക്കിലാണ്; കിട്ടുന്ന സമയം NormFit ഉപയോഗിക്കുന്നു.</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>നിർത്തുന്നു...</translation>
    </message>
    <message>
        <source>Measuring the base model on the text kept aside...</source>
        <translation>മാറ്റിവെച്ച ഭാഗത്തിൽ അടിസ്ഥാന മോഡലിനെ അളക്കുന്നു...</translation>
    </message>
    <message>
        <source>Training: {name}</source>
        <translation>പരിശീലനം: {name}</translation>
    </message>
    <message>
        <source>Training: learning your writing...</source>
        <translation>പരിശീലനം: നിങ്ങളുടെ എഴുത്ത് പഠിക്കുന്നു...</translation>
    </message>
    <message>
        <source>Measuring {name} on the text kept aside...</source>
        <translation>മാറ്റിവെച്ച ഭാഗത്തിൽ {name} അളക്കുന്നു...</translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation>തുടങ്ങുന്നു...</translation>
    </message>
    <message>
        <source>With the comparison it takes {k} times as long: about {n} minutes.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>താരതമ്യത്തോടെ {k} മടങ്ങ് സമയമെടുക്കും: ഏകദേശം {n} മിനിറ്റ്.</translation>
    </message>
    <message>
        <source>{e} elapsed  ·  about {l} left</source>
        <translation>{e} കഴിഞ്ഞു  ·  ഏകദേശം {l} ബാക്കി</translation>
    </message>
    <message>
        <source>step {s}  ·  {tps} tokens a second</source>
        <translation>ചുവട് {s}  ·  സെക്കൻഡിൽ {tps} ടോക്കൺ</translation>
    </message>
    <message>
        <source>Training did not finish.</source>
        <translation>പരിശീലനം പൂർത്തിയായില്ല.</translation>
    </message>
    <message>
        <source>Training did not finish</source>
        <translation>പരിശീലനം പൂർത്തിയായില്ല</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>കഴിഞ്ഞു.</translation>
    </message>
    <message>
        <source>Stopped before the model had learned anything; nothing to keep.</source>
        <translation>മോഡൽ എന്തെങ്കിലും പഠിക്കുന്നതിനു മുമ്പേ നിർത്തി; സൂക്ഷിക്കാൻ ഒന്നുമില്ല.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>നിർത്തി.</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>പരിശീലനം നിർത്തി</translation>
    </message>
    <message>
        <source>Training stopped. Keep the best result so far?</source>
        <translation>പരിശീലനം നിർത്തി. ഇതുവരെയുള്ള മികച്ച ഫലം സൂക്ഷിക്കണോ?</translation>
    </message>
    <message>
        <source>The best point was reached at step {s}. NormFit will measure it on the text kept aside, which takes a few seconds.</source>
        <translation>ഏറ്റവും മികച്ച നില ചുവട് {s}-ൽ ആയിരുന്നു. NormFit അത് മാറ്റിവെച്ച ഭാഗത്തിൽ അളക്കും; കുറച്ചു സെക്കൻഡ് എടുക്കും.</translation>
    </message>
    <message>
        <source>The finished methods are kept.</source>
        <translation>പൂർത്തിയായ രീതികൾ സൂക്ഷിക്കും.</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>സൂക്ഷിക്കുക</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>കളയുക</translation>
    </message>
    <message>
        <source>Keep the best result so far</source>
        <translation>ഇതുവരെയുള്ള മികച്ച ഫലം സൂക്ഷിക്കുക</translation>
    </message>
    <message>
        <source>Discard the result</source>
        <translation>ഫലം കളയുക</translation>
    </message>
    <message>
        <source>Measuring the best result so far...</source>
        <translation>ഇതുവരെയുള്ള മികച്ച ഫലം അളക്കുന്നു...</translation>
    </message>
    <message>
        <source>Stopped early; the best result so far was kept.</source>
        <translation>നേരത്തേ നിർത്തി; ഇതുവരെയുള്ള മികച്ച ഫലം സൂക്ഷിച്ചു.</translation>
    </message>
    <message>
        <source>With this much text kept aside, a change smaller than {m} could be chance.</source>
        <translation>മാറ്റിവെച്ച ഭാഗം ഇത്രയും മാത്രമായതിനാൽ, {m}-ൽ കുറഞ്ഞ മാറ്റം യാദൃച്ഛികമാകാം.</translation>
    </message>
    <message>
        <source>Measured on {w} words of your writing that NormFit kept aside and never trained on: perplexity {b} before, {a} after (lower is better); {bb} → {ab} bits per byte.</source>
        <translation>NormFit മാറ്റിവെച്ച, പരിശീലനത്തിന് ഒരിക്കലും ഉപയോഗിക്കാത്ത, നിങ്ങളുടെ {w} വാക്കുകളിൽ അളന്നത്: ആശയക്കുഴപ്പ സ്കോർ മുമ്പ് {b}, ഇപ്പോൾ {a} (കുറവാണ് നല്ലത്); ബൈറ്റിന് {bb} → {ab} ബിറ്റ്.</translation>
    </message>
    <message>
        <source>Training was stopped early; this is the best result it had reached.</source>
        <translation>പരിശീലനം നേരത്തേ നിർത്തി; അതുവരെ എത്തിയ ഏറ്റവും മികച്ച ഫലമാണിത്.</translation>
    </message>
    <message>
        <source>Your documents are long, so it learned from a sample of {p} of their text, as much as the time allowed.</source>
        <translation>നിങ്ങളുടെ രേഖകൾ ദൈർഘ്യമേറിയതാണ്; അതിനാൽ സമയം അനുവദിച്ചത്രയും, അവയിലെ ടെക്സ്റ്റിന്റെ {p} ഭാഗത്തുനിന്നാണ് പഠിച്ചത്.</translation>
    </message>
    <message>
        <source>Trained for {s} steps in {t}. {device}.</source>
        <translation>{t} സമയം കൊണ്ട് {s} ചുവട് പരിശീലിപ്പിച്ചു. {device}.</translation>
    </message>
    <message>
        <source>Not checked: this base model ships no general reference text.</source>
        <translation>പരിശോധിച്ചില്ല: ഈ അടിസ്ഥാന മോഡലിനൊപ്പം സാധാരണ എഴുത്തിന്റെ മാതൃകയില്ല.</translation>
    </message>
    <message>
        <source>Personalise first; then there is an adapter to save.</source>
        <translation>ആദ്യം വ്യക്തിഗതമാക്കുക; അപ്പോൾ സൂക്ഷിക്കാൻ ഒരു അഡാപ്റ്റർ ഉണ്ടാകും.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>ഫയൽ മാറ്റിയെഴുതണോ?</translation>
    </message>
    <message>
        <source>A file named “{name}” already exists in this folder. Replace it?</source>
        <translation>“{name}” എന്ന പേരിൽ ഒരു ഫയൽ ഈ ഫോൾഡറിൽ ഇപ്പോൾത്തന്നെയുണ്ട്. അതിനു പകരം ഇത് വെക്കണോ?</translation>
    </message>
    <message>
        <source>The adapter was not saved</source>
        <translation>അഡാപ്റ്റർ സൂക്ഷിച്ചില്ല</translation>
    </message>
    <message>
        <source>Saved “{name}” ({size}) in {folder}.</source>
        <translation>“{name}” ({size}) {folder} എന്ന ഫോൾഡറിൽ സൂക്ഷിച്ചു.</translation>
    </message>
    <message>
        <source>Still writing the last file; try again in a moment.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>അവസാനത്തെ ഫയൽ ഇപ്പോഴും എഴുതിക്കൊണ്ടിരിക്കുകയാണ്; അല്പം കഴിഞ്ഞ് വീണ്ടും ശ്രമിക്കുക.</translation>
    </message>
    <message>
        <source>{name} ({n})</source>
        <translation>{name} ({n})</translation>
    </message>
    <message>
        <source>Without a name</source>
        <translation>പേരില്ലാത്തവ</translation>
    </message>
    <message>
        <source>None yet. Adapters you save in {folder} appear here.</source>
        <translation>ഇതുവരെ ഒന്നുമില്ല. {folder} എന്ന ഫോൾഡറിൽ സൂക്ഷിക്കുന്ന അഡാപ്റ്ററുകൾ ഇവിടെ കാണാം.</translation>
    </message>
    <message>
        <source>The adapter was not shared</source>
        <translation>അഡാപ്റ്റർ പങ്കിട്ടില്ല</translation>
    </message>
    <message>
        <source>Choose one of your saved adapters first.</source>
        <translation>ആദ്യം നിങ്ങൾ സൂക്ഷിച്ച അഡാപ്റ്ററുകളിൽ ഒന്ന് തിരഞ്ഞെടുക്കുക.</translation>
    </message>
    <message>
        <source>Choose the folder to share it in?</source>
        <translation>ഇത് പങ്കിടാനുള്ള ഫോൾഡർ തിരഞ്ഞെടുക്കട്ടെ?</translation>
    </message>
    <message>
        <source>Share in which folder?</source>
        <translation>ഏത് ഫോൾഡറിൽ പങ്കിടണം?</translation>
    </message>
    <message>
        <source>NormFit could not write to {folder}: {why}.</source>
        <translation>NormFit-ന് {folder} എന്ന ഫോൾഡറിൽ എഴുതാൻ കഴിഞ്ഞില്ല: {why}.</translation>
    </message>
    <message>
        <source>Shared as “{name}” with its signed entry in {folder}. Your key&apos;s fingerprint: {fp}.</source>
        <translation>ഒപ്പിട്ട കുറിപ്പോടൊപ്പം “{name}” എന്ന പേരിൽ {folder} എന്ന ഫോൾഡറിൽ പങ്കിട്ടു. നിങ്ങളുടെ കീയുടെ വിരലടയാളം: {fp}.</translation>
    </message>
    <message>
        <source>Not ready yet</source>
        <translation>ഇനിയും തയ്യാറായിട്ടില്ല</translation>
    </message>
    <message>
        <source>The base model is still loading; try again in a moment.</source>
        <translation>അടിസ്ഥാന മോഡൽ തുറന്നുകൊണ്ടിരിക്കുന്നു; അൽപ്പം കഴിഞ്ഞ് വീണ്ടും ശ്രമിക്കുക.</translation>
    </message>
    <message>
        <source>This adapter cannot be used</source>
        <translation>ഈ അഡാപ്റ്റർ ഉപയോഗിക്കാനാവില്ല</translation>
    </message>
    <message>
        <source>Add at least {n} words of documents to check it on your own writing.</source>
        <translation>നിങ്ങളുടെ എഴുത്തിൽ ഇത് പരിശോധിക്കാൻ കുറഞ്ഞത് {n} വാക്കുകളുള്ള രേഖകൾ ചേർക്കുക.</translation>
    </message>
    <message>
        <source>With {name}</source>
        <translation>{name} ചേർത്ത്</translation>
    </message>
    <message>
        <source>Checking it on your documents...</source>
        <translation>നിങ്ങളുടെ രേഖകളിൽ പരിശോധിക്കുന്നു...</translation>
    </message>
    <message>
        <source>On your documents (the part kept aside): {h} {g}</source>
        <translation>നിങ്ങളുടെ രേഖകളിൽ (മാറ്റിവെച്ച ഭാഗത്തിൽ): {h} {g}</translation>
    </message>
    <message>
        <source>Personalise first, or open an adapter, to compare.</source>
        <translation>താരതമ്യം ചെയ്യാൻ ആദ്യം വ്യക്തിഗതമാക്കുക, അല്ലെങ്കിൽ ഒരു അഡാപ്റ്റർ തുറക്കുക.</translation>
    </message>
    <message>
        <source>Writing...</source>
        <translation>എഴുതുന്നു...</translation>
    </message>
    <message>
        <source>Could not write a continuation</source>
        <translation>തുടർച്ച എഴുതാനായില്ല</translation>
    </message>
    <message>
        <source>About NormFit</source>
        <translation>NormFit-നെക്കുറിച്ച്</translation>
    </message>
    <message>
        <source>NormFit {v}

Personalises a small language model to your writing by training only its normalisation gains (about 2,300 numbers), offline. Logs: {logs}</source>
        <translation>NormFit {v}

ഒരു ചെറിയ ഭാഷാ മോഡലിനെ നിങ്ങളുടെ എഴുത്തിനനുസരിച്ച് വ്യക്തിഗതമാക്കുന്നു. അതിലെ തോത് ക്രമീകരിക്കുന്ന സംഖ്യകൾ (ഏകദേശം 2,300 എണ്ണം) മാത്രം പരിശീലിപ്പിക്കുന്നു; ഇന്റർനെറ്റ് വേണ്ട. ലോഗുകൾ: {logs}</translation>
    </message>
    <message>
        <source>Norm-only (NormFit)</source>
        <translation>നോം മാത്രം (NormFit)</translation>
    </message>
    <message>
        <source>LoRA rank 4</source>
        <translation>LoRA (റാങ്ക് 4)</translation>
    </message>
    <message>
        <source>Full fine-tuning</source>
        <translation>പൂർണ്ണ പരിശീലനം</translation>
    </message>
    <message>
        <source>Base model (before)</source>
        <translation>അടിസ്ഥാന മോഡൽ (മുമ്പ്)</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} ബൈറ്റ്</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>{n} million</source>
        <translation>{n} ദശലക്ഷം</translation>
    </message>
    <message>
        <source>Add some of your own writing: NormFit needs at least {min} words (about {pages} pages).</source>
        <translation>നിങ്ങൾ സ്വന്തമായി എഴുതിയവ ചേർക്കൂ: NormFit-ന് കുറഞ്ഞത് {min} വാക്കുകൾ (ഏകദേശം {pages} പേജ്) വേണം.</translation>
    </message>
    <message>
        <source>Not enough text yet: NormFit needs at least {min} words. Add about {more} more words (about one more page).</source>
        <translation>എഴുത്ത് ഇനിയും പോരാ: NormFit-ന് കുറഞ്ഞത് {min} വാക്കുകൾ വേണം. ഏകദേശം {more} വാക്കുകൾ (ഒരു പേജോളം) കൂടി ചേർക്കുക.</translation>
    </message>
    <message>
        <source>Not enough text yet: NormFit needs at least {min} words. Add about {more} more words (roughly {pages} more pages).</source>
        <translation>എഴുത്ത് ഇനിയും പോരാ: NormFit-ന് കുറഞ്ഞത് {min} വാക്കുകൾ വേണം. ഏകദേശം {more} വാക്കുകൾ (ഏകദേശം {pages} പേജ്) കൂടി ചേർക്കുക.</translation>
    </message>
    <message>
        <source>The personalised model could not be measured.</source>
        <translation>വ്യക്തിഗത മോഡലിനെ അളക്കാനായില്ല.</translation>
    </message>
    <message>
        <source>The model now predicts your writing {p} better.</source>
        <translation>മോഡൽ ഇപ്പോൾ നിങ്ങളുടെ എഴുത്ത് {p} കൂടുതൽ നന്നായി ഊഹിക്കുന്നു.</translation>
    </message>
    <message>
        <source>The model predicts your writing about as well as before.</source>
        <translation>മോഡൽ നിങ്ങളുടെ എഴുത്ത് ഏകദേശം മുമ്പത്തെപ്പോലെത്തന്നെ ഊഹിക്കുന്നു.</translation>
    </message>
    <message>
        <source>The model now predicts your writing {p} worse. Try a longer time or more of your text.</source>
        <translation>മോഡൽ ഇപ്പോൾ നിങ്ങളുടെ എഴുത്ത് {p} മോശമായാണ് ഊഹിക്കുന്നത്. കൂടുതൽ സമയമോ കൂടുതൽ എഴുത്തോ നൽകി നോക്കുക.</translation>
    </message>
    <message>
        <source>This adapter could not be measured on your documents.</source>
        <translation>ഈ അഡാപ്റ്ററിനെ നിങ്ങളുടെ രേഖകളിൽ അളക്കാനായില്ല.</translation>
    </message>
    <message>
        <source>With this adapter the model predicts your writing {p} better.</source>
        <translation>ഈ അഡാപ്റ്റർ ചേർത്താൽ മോഡൽ നിങ്ങളുടെ എഴുത്ത് {p} കൂടുതൽ നന്നായി ഊഹിക്കുന്നു.</translation>
    </message>
    <message>
        <source>With this adapter the model predicts your writing about as well as without it.</source>
        <translation>ഈ അഡാപ്റ്റർ ചേർത്താലും ഇല്ലെങ്കിലും മോഡൽ നിങ്ങളുടെ എഴുത്ത് ഏകദേശം ഒരുപോലെ ഊഹിക്കുന്നു.</translation>
    </message>
    <message>
        <source>With this adapter the model predicts your writing {p} worse.</source>
        <translation>ഈ അഡാപ്റ്റർ ചേർത്താൽ മോഡൽ നിങ്ങളുടെ എഴുത്ത് {p} മോശമായാണ് ഊഹിക്കുന്നത്.</translation>
    </message>
    <message>
        <source>General text: not checked.</source>
        <translation>സാധാരണ എഴുത്ത്: പരിശോധിച്ചില്ല.</translation>
    </message>
    <message>
        <source>General text: the model broke down (it no longer predicts ordinary text). Do not use this result.</source>
        <translation>സാധാരണ എഴുത്ത്: മോഡൽ തകരാറിലായി (സാധാരണ എഴുത്ത് ഇനി ഊഹിക്കാനാവുന്നില്ല). ഈ ഫലം ഉപയോഗിക്കരുത്.</translation>
    </message>
    <message>
        <source>General text: {p} better - fine.</source>
        <translation>സാധാരണ എഴുത്ത്: {p} മെച്ചപ്പെട്ടു - കുഴപ്പമില്ല.</translation>
    </message>
    <message>
        <source>General text: unchanged - fine.</source>
        <translation>സാധാരണ എഴുത്ത്: മാറ്റമില്ല - കുഴപ്പമില്ല.</translation>
    </message>
    <message>
        <source>General text: {p} worse - fine.</source>
        <translation>സാധാരണ എഴുത്ത്: {p} മോശമായി - കുഴപ്പമില്ല.</translation>
    </message>
    <message>
        <source>General text: {p} worse - some drift away from ordinary writing; usually still fine.</source>
        <translation>സാധാരണ എഴുത്ത്: {p} മോശമായി - സാധാരണ എഴുത്തിൽ നിന്ന് അൽപ്പം അകന്നു; മിക്കപ്പോഴും കുഴപ്പമില്ല.</translation>
    </message>
    <message>
        <source>General text: {p} worse - the model has drifted a lot from ordinary writing and may write oddly outside your own style.</source>
        <translation>സാധാരണ എഴുത്ത്: {p} മോശമായി - മോഡൽ സാധാരണ എഴുത്തിൽ നിന്ന് ഏറെ അകന്നു; നിങ്ങളുടെ ശൈലിക്ക് പുറത്ത് അത് വിചിത്രമായി എഴുതിയേക്കാം.</translation>
    </message>
    <message>
        <source>Not all methods finished, so there is no verdict.</source>
        <translation>എല്ലാ രീതികളും പൂർത്തിയായില്ല, അതിനാൽ വിധിയില്ല.</translation>
    </message>
    <message>
        <source>Norm-only wins on every count: it predicts your writing better than {names}, with a far smaller file, and is no worse on general text.</source>
        <translation>എല്ലാ കാര്യത്തിലും നോം മാത്രം ജയിക്കുന്നു: {names} എന്നിവയേക്കാൾ നന്നായി നിങ്ങളുടെ എഴുത്ത് ഊഹിക്കുന്നു, ഫയൽ വളരെ ചെറുതാണ്, സാധാരണ എഴുത്തിൽ മോശമാകുന്നുമില്ല.</translation>
    </message>
    <message>
        <source> and </source>
        <translation>, </translation>
    </message>
    <message>
        <source>{name} predicts your writing better</source>
        <translation>{name} നിങ്ങളുടെ എഴുത്ത് കൂടുതൽ നന്നായി ഊഹിക്കുന്നു</translation>
    </message>
    <message>
        <source>{name} stays closer to general text</source>
        <translation>{name} സാധാരണ എഴുത്തിനോട് കൂടുതൽ അടുത്തുനിൽക്കുന്നു</translation>
    </message>
    <message>
        <source>{name} did not finish</source>
        <translation>{name} പൂർത്തിയായില്ല</translation>
    </message>
    <message>
        <source>Norm-only beats {won} on every count, but not {lost}: {why}.</source>
        <translation>എല്ലാ കാര്യത്തിലും നോം മാത്രം {won} എന്നതിനെ തോൽപ്പിക്കുന്നു, പക്ഷേ {lost} എന്നതിനെയല്ല: {why}.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Norm-only does not win on every count here: {why}; its file is still the smallest.</source>
        <translation>ഇവിടെ എല്ലാ കാര്യത്തിലും നോം മാത്രം ജയിക്കുന്നില്ല: {why}; എങ്കിലും അതിന്റെ ഫയലാണ് ഏറ്റവും ചെറുത്.</translation>
    </message>
    <message>
        <source>Norm-only does not win on every count here: {why}.</source>
        <translation>ഇവിടെ എല്ലാ കാര്യത്തിലും നോം മാത്രം ജയിക്കുന്നില്ല: {why}.</translation>
    </message>
    <message>
        <source>NormFit is not allowed to write there. Choose another folder.</source>
        <translation>അവിടെ എഴുതാൻ NormFit-ന് അനുവാദമില്ല. മറ്റൊരു ഫോൾഡർ തിരഞ്ഞെടുക്കുക.</translation>
    </message>
    <message>
        <source>The computer ran out of memory. Close other programs or use fewer documents.</source>
        <translation>കമ്പ്യൂട്ടറിന്റെ മെമ്മറി തീർന്നു. മറ്റു പ്രോഗ്രാമുകൾ അടയ്ക്കുക, അല്ലെങ്കിൽ കുറച്ചു രേഖകൾ മാത്രം ഉപയോഗിക്കുക.</translation>
    </message>
    <message>
        <source>A file could not be read or written ({why}).</source>
        <translation>ഒരു ഫയൽ വായിക്കാനോ എഴുതാനോ കഴിഞ്ഞില്ല ({why}).</translation>
    </message>
    <message>
        <source>Something went wrong inside NormFit. The details below can help someone fix it; they are also in the log.</source>
        <translation>NormFit-നുള്ളിൽ എന്തോ പിശക് സംഭവിച്ചു. താഴെയുള്ള വിവരങ്ങൾ ഇത് ശരിയാക്കാൻ സഹായിക്കും; അവ ലോഗിലുമുണ്ട്.</translation>
    </message>
    <message>
        <source>Adapter</source>
        <translation>അഡാപ്റ്റർ</translation>
    </message>
    <message>
        <source>Signed by key</source>
        <translation>ഒപ്പിട്ട കീ</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>പങ്കിട്ട ഫോൾഡർ</translation>
    </message>
    <message>
        <source>What a shared folder holds, and whom you trust</source>
        <translation>പങ്കിട്ട ഫോൾഡറിൽ എന്തുണ്ട്, നിങ്ങൾ ആരെ വിശ്വസിക്കുന്നു</translation>
    </message>
    <message>
        <source>Anyone can put files in a shared folder or on a USB stick. NormFit uses an adapter from it only when it is signed by a key you trust: your own, and the keys you add here. Before you trust a key, check its fingerprint with its owner (they see it when they share).</source>
        <translation>പങ്കിട്ട ഫോൾഡറിലോ USB സ്റ്റിക്കിലോ ആർക്കും ഫയലുകൾ വെക്കാം. നിങ്ങൾ വിശ്വസിക്കുന്ന ഒരു കീ ഒപ്പിട്ടതാണെങ്കിൽ മാത്രമേ NormFit അതിലെ അഡാപ്റ്റർ ഉപയോഗിക്കൂ: നിങ്ങളുടെ സ്വന്തം കീയും ഇവിടെ ചേർക്കുന്ന കീകളും. ഒരു കീ വിശ്വസിക്കുന്നതിനുമുമ്പ്, അതിന്റെ വിരലടയാളം ഉടമയുമായി ഒത്തുനോക്കുക (പങ്കിടുമ്പോൾ അവർക്ക് അത് കാണാം).</translation>
    </message>
    <message>
        <source>Choose &amp;folder...</source>
        <translation>ഫോൾഡർ തിരഞ്ഞെടുക്കുക...</translation>
    </message>
    <message>
        <source>Choose the shared folder</source>
        <translation>പങ്കിട്ട ഫോൾഡർ തിരഞ്ഞെടുക്കുക</translation>
    </message>
    <message>
        <source>Files in the folder</source>
        <translation>ഫോൾഡറിലെ ഫയലുകൾ</translation>
    </message>
    <message>
        <source>Each adapter, who signed it, and whether it is used</source>
        <translation>ഓരോ അഡാപ്റ്ററും, അത് ആര് ഒപ്പിട്ടു, അത് ഉപയോഗിക്കുന്നുണ്ടോ എന്നും</translation>
    </message>
    <message>
        <source>Trusted keys</source>
        <translation>വിശ്വസിക്കുന്ന കീകൾ</translation>
    </message>
    <message>
        <source>&amp;Trust this signer...</source>
        <translation>ഒപ്പിട്ടയാളെ വിശ്വസിക്കുക...</translation>
    </message>
    <message>
        <source>Trust the key that signed the selected adapter</source>
        <translation>തിരഞ്ഞെടുത്ത അഡാപ്റ്റർ ഒപ്പിട്ട കീ വിശ്വസിക്കുക</translation>
    </message>
    <message>
        <source>&amp;Stop trusting</source>
        <translation>വിശ്വസിക്കുന്നത് നിർത്തുക</translation>
    </message>
    <message>
        <source>Stop trusting the selected key</source>
        <translation>തിരഞ്ഞെടുത്ത കീ വിശ്വസിക്കുന്നത് നിർത്തുക</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>ഉപയോഗിക്കുന്നു</translation>
    </message>
    <message>
        <source>Not used: signed by a key you do not trust yet.</source>
        <translation>ഉപയോഗിക്കുന്നില്ല: നിങ്ങൾ ഇതുവരെ വിശ്വസിക്കാത്ത ഒരു കീ ഒപ്പിട്ടതാണ്.</translation>
    </message>
    <message>
        <source>Choose a shared folder to see what is in it.</source>
        <translation>അതിൽ എന്തുണ്ടെന്ന് കാണാൻ ഒരു പങ്കിട്ട ഫോൾഡർ തിരഞ്ഞെടുക്കുക.</translation>
    </message>
    <message>
        <source>{used} adapters are used; {other} files are not.</source>
        <translation>{used} അഡാപ്റ്ററുകൾ ഉപയോഗിക്കുന്നു; {other} ഫയലുകൾ ഉപയോഗിക്കുന്നില്ല.</translation>
    </message>
    <message>
        <source>your own key</source>
        <translation>നിങ്ങളുടെ സ്വന്തം കീ</translation>
    </message>
    <message>
        <source>Trust this signer?</source>
        <translation>ഒപ്പിട്ടയാളെ വിശ്വസിക്കണോ?</translation>
    </message>
    <message>
        <source>Trust key {fp}? Its adapters in any shared folder will be used. Check with the owner that their key has this fingerprint.</source>
        <translation>{fp} എന്ന കീ വിശ്വസിക്കണോ? ഏത് പങ്കിട്ട ഫോൾഡറിലുമുള്ള അതിന്റെ അഡാപ്റ്ററുകൾ ഉപയോഗിക്കും. ഉടമയുടെ കീയ്ക്ക് ഈ വിരലടയാളമാണെന്ന് അവരുമായി ഒത്തുനോക്കുക.</translation>
    </message>
    <message>
        <source>The key was not trusted</source>
        <translation>കീ വിശ്വസിച്ചില്ല</translation>
    </message>
    <message>
        <source>The key is still trusted</source>
        <translation>കീ ഇപ്പോഴും വിശ്വസിക്കുന്നു</translation>
    </message>
    <message>
        <source>Your words, lit up</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>നിങ്ങളുടെ വാക്കുകൾ, നിറങ്ങളിൽ</translation>
    </message>
    <message>
        <source>Your text, each word tinted by how much more predictable it became</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>നിങ്ങളുടെ എഴുത്ത്: ഓരോ വാക്കിനും, എത്രത്തോളം ഊഹിക്കാൻ എളുപ്പമായി എന്നതനുസരിച്ച് നിറം</translation>
    </message>
    <message>
        <source>What {name} learned</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>{name} പഠിച്ചത്</translation>
    </message>
    <message>
        <source>Looking at your words...</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>നിങ്ങളുടെ വാക്കുകൾ നോക്കുന്നു...</translation>
    </message>
    <message>
        <source>Which text should it look at?</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഏത് എഴുത്താണ് നോക്കേണ്ടത്?</translation>
    </message>
    <message>
        <source>Documents (*.txt *.md *.py *.pdf *.docx *.odt *.rtf *.html *.epub);;All files (*)</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>രേഖകൾ (*.txt *.md *.py *.pdf *.docx *.odt *.rtf *.html *.epub);;എല്ലാ ഫയലുകളും (*)</translation>
    </message>
    <message>
        <source>Base model (no adapter)</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>അടിസ്ഥാന മോഡൽ (അഡാപ്റ്റർ ഇല്ലാതെ)</translation>
    </message>
    <message>
        <source>{p} better than the base model</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>അടിസ്ഥാന മോഡലിനെക്കാൾ {p} മെച്ചം</translation>
    </message>
    <message>
        <source>{p} worse than the base model</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>അടിസ്ഥാന മോഡലിനെക്കാൾ {p} മോശം</translation>
    </message>
    <message>
        <source>{p} likely</source>
        <translation>സാധ്യത {p}</translation>
    </message>
    <message>
        <source>Whose writing is this?</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഇത് ആരുടെ എഴുത്താണ്?</translation>
    </message>
    <message>
        <source>Paste a paragraph or pick a file, and choose a folder of adapters. Each adapter reads the text; the one that finds it most predictable is NormFit&apos;s guess. Adapters in a shared folder are used only when their signed entry checks out.</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഒരു ഖണ്ഡിക ഒട്ടിക്കുക അല്ലെങ്കിൽ ഒരു ഫയൽ തിരഞ്ഞെടുക്കുക; അഡാപ്റ്ററുകളുള്ള ഫോൾഡറും തിരഞ്ഞെടുക്കുക. ഓരോ അഡാപ്റ്ററും എഴുത്ത് വായിക്കും; ഏറ്റവും നന്നായി ഊഹിക്കുന്നതാണ് NormFit-ന്റെ ഉത്തരം. പങ്കിട്ട ഫോൾഡറിലെ അഡാപ്റ്ററുകൾ, ഒപ്പിട്ട കുറിപ്പ് ശരിയാണെങ്കിൽ മാത്രം ഉപയോഗിക്കും.</translation>
    </message>
    <message>
        <source>Text to guess</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഊഹിക്കേണ്ട എഴുത്ത്</translation>
    </message>
    <message>
        <source>Paste a paragraph here</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഒരു ഖണ്ഡിക ഇവിടെ ഒട്ടിക്കുക</translation>
    </message>
    <message>
        <source>Paste a paragraph here (a few sentences at least).</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഒരു ഖണ്ഡിക ഇവിടെ ഒട്ടിക്കുക (കുറച്ച് വാക്യങ്ങളെങ്കിലും).</translation>
    </message>
    <message>
        <source>Pick a &amp;file...</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഒരു ഫയൽ തിരഞ്ഞെടുക്കുക...</translation>
    </message>
    <message>
        <source>Pick a file to guess</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഊഹിക്കാൻ ഒരു ഫയൽ തിരഞ്ഞെടുക്കുക</translation>
    </message>
    <message>
        <source>Adapters in:</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>അഡാപ്റ്ററുകൾ:</translation>
    </message>
    <message>
        <source>Folder of adapters</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>അഡാപ്റ്ററുകളുടെ ഫോൾഡർ</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>തിരഞ്ഞെടുക്കുക...</translation>
    </message>
    <message>
        <source>Choose the folder of adapters</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>അഡാപ്റ്ററുകളുടെ ഫോൾഡർ തിരഞ്ഞെടുക്കുക</translation>
    </message>
    <message>
        <source>&amp;Guess</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഊഹിക്കുക</translation>
    </message>
    <message>
        <source>Guess whose writing it is</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ആരുടെ എഴുത്താണെന്ന് ഊഹിക്കുക</translation>
    </message>
    <message>
        <source>Pick a file</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഒരു ഫയൽ തിരഞ്ഞെടുക്കുക</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>എല്ലാ ഫയലുകളും (*)</translation>
    </message>
    <message>
        <source>Paste a paragraph or pick a file first.</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ആദ്യം ഒരു ഖണ്ഡിക ഒട്ടിക്കുകയോ ഫയൽ തിരഞ്ഞെടുക്കുകയോ ചെയ്യുക.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>{folder} എന്ന ഫോൾഡർ നിലവിലില്ല.</translation>
    </message>
    <message>
        <source>Reading it with each adapter...</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഓരോ അഡാപ്റ്ററും ഇത് വായിക്കുന്നു...</translation>
    </message>
    <message>
        <source>Not used: {file}: {why}</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഉപയോഗിക്കുന്നില്ല: {file}: {why}</translation>
    </message>
    <message>
        <source>No adapter in this folder could be used.</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഈ ഫോൾഡറിലെ ഒരു അഡാപ്റ്ററും ഉപയോഗിക്കാനായില്ല.</translation>
    </message>
    <message>
        <source>the base model</source>
        <translation>അടിസ്ഥാന മോഡൽ</translation>
    </message>
    <message>
        <source>None of these adapters fits this text better than the base model.</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഈ അഡാപ്റ്ററുകളിൽ ഒന്നും അടിസ്ഥാന മോഡലിനെക്കാൾ നന്നായി ഈ എഴുത്ത് ഊഹിക്കുന്നില്ല.</translation>
    </message>
</context>
<context>
    <name>classroom</name>
    <message>
        <source>Adapter saved</source>
        <translation>അഡാപ്റ്റർ സൂക്ഷിച്ചു</translation>
    </message>
    <message>
        <source>No adapter: nothing beat the base model</source>
        <translation>അഡാപ്റ്ററില്ല: ഒന്നും അടിസ്ഥാന മോഡലിനേക്കാൾ മെച്ചപ്പെട്ടില്ല</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>ഒഴിവാക്കി</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>പരാജയപ്പെട്ടു</translation>
    </message>
    <message>
        <source>Stopped; continues on the next run</source>
        <translation>നിർത്തി; അടുത്ത തവണ തുടരും</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>ഇനിയും ചെയ്തിട്ടില്ല</translation>
    </message>
    <message>
        <source>Training...</source>
        <translation>പരിശീലിപ്പിക്കുന്നു...</translation>
    </message>
    <message>
        <source>Too little text: {words} words; at least {min} are needed.</source>
        <translation>എഴുത്ത് വളരെ കുറവ്: {words} വാക്കുകൾ; കുറഞ്ഞത് {min} വേണം.</translation>
    </message>
    <message>
        <source>No readable documents in this folder.</source>
        <translation>ഈ ഫോൾഡറിൽ വായിക്കാവുന്ന രേഖകളൊന്നുമില്ല.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>പേര്</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>വാക്കുകൾ</translation>
    </message>
    <message>
        <source>Personal gain</source>
        <translation>വ്യക്തിഗത നേട്ടം</translation>
    </message>
    <message>
        <source>General drift</source>
        <translation>സാധാരണ എഴുത്തിലെ മാറ്റം</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>ചുവടുകൾ</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>സമയം</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ഫയൽ</translation>
    </message>
    <message>
        <source>Personal gain (%)</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>വ്യക്തിഗത നേട്ടം (%)</translation>
    </message>
    <message>
        <source>General drift (%)</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>സാധാരണ എഴുത്തിലെ മാറ്റം (%)</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>സമയം (സെക്കൻഡ്)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>നില</translation>
    </message>
    <message>
        <source>Note</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>കുറിപ്പ്</translation>
    </message>
    <message>
        <source>Class report: {name}</source>
        <translation>ക്ലാസ് റിപ്പോർട്ട്: {name}</translation>
    </message>
    <message>
        <source>{done} of {total} students have an adapter; {skipped} skipped, {nogain} without one, {left} not done yet.</source>
        <translation>{total} വിദ്യാർത്ഥികളിൽ {done} പേർക്ക് അഡാപ്റ്ററുണ്ട്; {skipped} പേരെ ഒഴിവാക്കി, {nogain} പേർക്ക് അഡാപ്റ്ററില്ല, {left} പേരുടേത് ഇനിയും ചെയ്തിട്ടില്ല.</translation>
    </message>
    <message>
        <source>Every student is done.</source>
        <translation>എല്ലാ വിദ്യാർത്ഥികളുടേതും കഴിഞ്ഞു.</translation>
    </message>
    <message>
        <source>Not finished: run it again to continue. Students already done are not redone.</source>
        <translation>പൂർത്തിയായിട്ടില്ല: തുടരാൻ വീണ്ടും പ്രവർത്തിപ്പിക്കുക. കഴിഞ്ഞ വിദ്യാർത്ഥികളെ വീണ്ടും ചെയ്യില്ല.</translation>
    </message>
    <message>
        <source>Personal gain: how much better the model predicts the student&apos;s own writing, measured on a part of it that was kept aside and never trained on. Higher is better.</source>
        <translation>വ്യക്തിഗത നേട്ടം: വിദ്യാർത്ഥിയുടെ സ്വന്തം എഴുത്ത് മോഡൽ എത്രത്തോളം കൂടുതൽ നന്നായി ഊഹിക്കുന്നു എന്നത്; പരിശീലനത്തിന് ഉപയോഗിക്കാതെ മാറ്റിവെച്ച ഭാഗത്തിൽ അളന്നത്. കൂടുന്നതാണ് നല്ലത്.</translation>
    </message>
    <message>
        <source>General drift: how much worse the model got at ordinary text. Small is good; the limit was {limit}.</source>
        <translation>സാധാരണ എഴുത്തിലെ മാറ്റം: സാധാരണ എഴുത്തിൽ മോഡൽ എത്രത്തോളം മോശമായി എന്നത്. ചെറുതാണ് നല്ലത്; പരിധി {limit} ആയിരുന്നു.</translation>
    </message>
    <message>
        <source>General drift: how much worse the model got at ordinary text. Small is good; there was no limit.</source>
        <translation>സാധാരണ എഴുത്തിലെ മാറ്റം: സാധാരണ എഴുത്തിൽ മോഡൽ എത്രത്തോളം മോശമായി എന്നത്. ചെറുതാണ് നല്ലത്; പരിധി ഉണ്ടായിരുന്നില്ല.</translation>
    </message>
    <message>
        <source>Made by NormFit {version} on {date}: up to {minutes} minutes per student, base model {base}.</source>
        <translation>NormFit {version}, {date}: ഓരോ വിദ്യാർത്ഥിക്കും പരമാവധി {minutes} മിനിറ്റ്, അടിസ്ഥാന മോഡൽ {base}.</translation>
    </message>
    <message>
        <source>Each student&apos;s adapter file carries their name and no other personal information; copy it to the student or open it in NormFit (Open adapter).</source>
        <translation>ഓരോ വിദ്യാർത്ഥിയുടെയും അഡാപ്റ്റർ ഫയലിൽ അവരുടെ പേരല്ലാതെ മറ്റു വ്യക്തിവിവരങ്ങളൊന്നുമില്ല; അത് വിദ്യാർത്ഥിക്ക് പകർത്തി നൽകാം, അല്ലെങ്കിൽ NormFit-ൽ തുറക്കാം (അഡാപ്റ്റർ തുറക്കുക).</translation>
    </message>
    <message>
        <source>Whose writing is this?</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഇത് ആരുടെ എഴുത്താണ്?</translation>
    </message>
    <message>
        <source>Each student&apos;s writing that was kept aside (never trained on) was cut into pieces, and every student&apos;s model read every piece. A row is whose writing it was; a column is whose model found it most predictable. The diagonal is a student recognised.</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഓരോ വിദ്യാർത്ഥിയുടെയും മാറ്റിവെച്ച ഭാഗം (പരിശീലനത്തിന് ഉപയോഗിക്കാത്തത്) കഷണങ്ങളാക്കി; ഓരോ കഷണവും എല്ലാ വിദ്യാർത്ഥികളുടെയും മോഡലുകൾ വായിച്ചു. വരി: ആരുടെ എഴുത്ത്. നിര: ആരുടെ മോഡലിനാണ് അത് ഏറ്റവും നന്നായി ഊഹിക്കാനായത്. കോണോടുകോൺ കള്ളികൾ: തിരിച്ചറിഞ്ഞ വിദ്യാർത്ഥി.</translation>
    </message>
    <message>
        <source>How often to expect it: for a text of about {words} words among {n} students, NormFit names the right one about {k} times in 10 (measured on a class of twelve similar writers).</source>
        <translation>എത്ര തവണ ശരിയാകും: {n} വിദ്യാർത്ഥികളിൽ ഏകദേശം {words} വാക്കുള്ള ഒരു എഴുത്ത് ആരുടേതെന്ന് NormFit പത്തിൽ ഏകദേശം {k} തവണ ശരിയായി പറയുന്നു (ഒരേപോലെ എഴുതുന്ന പന്ത്രണ്ടുപേരുടെ ഒരു ക്ലാസിൽ അളന്നത്).</translation>
    </message>
    <message>
        <source>{n} of {m} pieces recognised.</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>{m} കഷണങ്ങളിൽ {n} എണ്ണം തിരിച്ചറിഞ്ഞു.</translation>
    </message>
    <message>
        <source>Writer</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>എഴുതിയയാൾ</translation>
    </message>
    <message>
        <source>Recognised as</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>തിരിച്ചറിഞ്ഞത്</translation>
    </message>
    <message>
        <source>Words their model learned</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>അവരുടെ മോഡൽ പഠിച്ച വാക്കുകൾ</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>This adapter is damaged (tensor &apos;{shown}&apos; is described wrongly).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ കേടായതാണ് (&apos;{shown}&apos; എന്ന ടെൻസർ തെറ്റായി വിവരിച്ചിരിക്കുന്നു).</translation>
    </message>
    <message>
        <source>This adapter is damaged (tensor &apos;{shown}&apos; has type &apos;{dtype}&apos;, not fp16).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ കേടായതാണ് (&apos;{shown}&apos; എന്ന ടെൻസറിന്റെ തരം &apos;{dtype}&apos; ആണ്, fp16 അല്ല).</translation>
    </message>
    <message>
        <source>This adapter is damaged or cut short (tensor &apos;{shown}&apos; does not fit the file).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ കേടായതോ മുറിഞ്ഞുപോയതോ ആണ് (&apos;{shown}&apos; എന്ന ടെൻസർ ഫയലിൽ ഒതുങ്ങുന്നില്ല).</translation>
    </message>
    <message>
        <source>This adapter is damaged (tensor &apos;{shown}&apos; holds values that are not numbers).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ കേടായതാണ് (&apos;{shown}&apos; എന്ന ടെൻസറിൽ സംഖ്യകളല്ലാത്ത വിലകളുണ്ട്).</translation>
    </message>
    <message>
        <source>This adapter is damaged (its tensors overlap).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ കേടായതാണ് (അതിലെ ടെൻസറുകൾ ഒന്നിനുമേൽ ഒന്നായി കിടക്കുന്നു).</translation>
    </message>
    <message>
        <source>This adapter is damaged (it holds bytes that belong to no tensor).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ കേടായതാണ് (ഒരു ടെൻസറിലും പെടാത്ത ബൈറ്റുകൾ അതിലുണ്ട്).</translation>
    </message>
    <message>
        <source>This adapter does not fit the base model: it lacks {tensor} and {more} more.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ അടിസ്ഥാന മോഡലിന് ചേരുന്നില്ല: അതിൽ {tensor}-ഉം മറ്റ് {more} എണ്ണവും ഇല്ല.</translation>
    </message>
    <message>
        <source>This adapter does not fit the base model: it lacks {tensor}.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ അടിസ്ഥാന മോഡലിന് ചേരുന്നില്ല: അതിൽ {tensor} ഇല്ല.</translation>
    </message>
    <message>
        <source>This adapter does not fit the base model: it has an unknown tensor &apos;{tensor}&apos;.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ അടിസ്ഥാന മോഡലിന് ചേരുന്നില്ല: അതിൽ അറിയാത്ത ഒരു ടെൻസർ ഉണ്ട് (&apos;{tensor}&apos;).</translation>
    </message>
    <message>
        <source>This adapter does not fit the base model: {tensor} has shape {shape}, expected {expected}.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ അടിസ്ഥാന മോഡലിന് ചേരുന്നില്ല: {tensor}-ന്റെ ആകൃതി {shape} ആണ്, വേണ്ടത് {expected}.</translation>
    </message>
    <message>
        <source>NormFit adapter</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>NormFit അഡാപ്റ്റർ</translation>
    </message>
    <message>
        <source>This adapter was made for a different base model (&apos;{base_id}&apos;, checksum {checksum}...); it cannot be used with the one NormFit has loaded.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ മറ്റൊരു അടിസ്ഥാന മോഡലിനായി ഉണ്ടാക്കിയതാണ് (&apos;{base_id}&apos;, ചെക്ക്സം {checksum}...); NormFit ഇപ്പോൾ തുറന്നിരിക്കുന്ന മോഡലിനൊപ്പം ഇത് ഉപയോഗിക്കാനാവില്ല.</translation>
    </message>
    <message>
        <source>This adapter was made for the base model {name}, which this copy of NormFit does not include; open it with a NormFit version that ships that base.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ {name} എന്ന അടിസ്ഥാന മോഡലിനായി ഉണ്ടാക്കിയതാണ്; NormFit-ന്റെ ഈ പതിപ്പിൽ ആ മോഡൽ ഇല്ല. ആ അടിസ്ഥാന മോഡൽ ഉള്ള NormFit പതിപ്പിൽ ഇത് തുറക്കുക.</translation>
    </message>
    <message>
        <source>No base model release in {folder}.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>{folder} എന്ന ഫോൾഡറിൽ അടിസ്ഥാന മോഡൽ ഇല്ല.</translation>
    </message>
    <message>
        <source>The base model is incomplete: {name} is missing from {folder}.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>അടിസ്ഥാന മോഡൽ അപൂർണ്ണമാണ്: {folder} എന്ന ഫോൾഡറിൽ {name} ഇല്ല.</translation>
    </message>
    <message>
        <source>The base model file is damaged (its checksum does not match config.json).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>അടിസ്ഥാന മോഡലിന്റെ ഫയൽ കേടായതാണ് (അതിന്റെ ചെക്ക്സം config.json-ലേതുമായി ചേരുന്നില്ല).</translation>
    </message>
    <message>
        <source>There are only {n} words of text; NormFit needs at least {minimum}. Add about {more} more words (a few more pages) of your writing.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>എഴുത്തിൽ {n} വാക്കുകളേ ഉള്ളൂ; NormFit-ന് കുറഞ്ഞത് {minimum} വാക്കുകൾ വേണം. നിങ്ങളുടെ എഴുത്തിൽ നിന്ന് ഏകദേശം {more} വാക്കുകൾ കൂടി (കുറച്ച് പേജുകൾ കൂടി) ചേർക്കുക.</translation>
    </message>
    <message>
        <source>This file is empty, so there is nothing to learn from.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ ഫയൽ ശൂന്യമാണ്, അതിനാൽ പഠിക്കാൻ ഒന്നുമില്ല.</translation>
    </message>
    <message>
        <source>This document has no text in it, so there is nothing to learn from.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ രേഖയിൽ എഴുത്തൊന്നുമില്ല, അതിനാൽ പഠിക്കാൻ ഒന്നുമില്ല.</translation>
    </message>
    <message>
        <source>This file is protected by a password, so NormFit cannot open it; save a copy without the password and add that instead.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ ഫയൽ പാസ്‌വേഡ് കൊണ്ട് പൂട്ടിയതാണ്, അതിനാൽ NormFit-ന് ഇത് തുറക്കാനാവില്ല; പാസ്‌വേഡ് ഇല്ലാത്ത ഒരു പകർപ്പ് സൂക്ഷിച്ച് അത് ചേർക്കുക.</translation>
    </message>
    <message>
        <source>This file is not text (it holds binary data, such as a picture or a program) even though its name ends in {suffix}, so NormFit cannot read it.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>പേര് {suffix} എന്ന് അവസാനിക്കുന്നുണ്ടെങ്കിലും ഈ ഫയൽ എഴുത്തല്ല (ഒരു ചിത്രമോ പ്രോഗ്രാമോ പോലുള്ള ബൈനറി ഡാറ്റയാണ് ഇതിൽ), അതിനാൽ NormFit-ന് ഇത് വായിക്കാനാവില്ല.</translation>
    </message>
    <message>
        <source>a text ending</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഒരു എഴുത്ത് ഫയലിന്റെ അവസാനഭാഗം</translation>
    </message>
    <message>
        <source>This {noun} is damaged or incomplete, so NormFit cannot read it; open it in the program that made it and save it again.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ {noun} കേടായതോ അപൂർണ്ണമോ ആണ്, അതിനാൽ NormFit-ന് ഇത് വായിക്കാനാവില്ല; ഇത് ഉണ്ടാക്കിയ പ്രോഗ്രാമിൽ തുറന്ന് വീണ്ടും സൂക്ഷിക്കുക.</translation>
    </message>
    <message>
        <source>NormFit cannot read Kindle e-books ({suffix}); convert it to EPUB and add that instead.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>NormFit-ന് Kindle ഇ-ബുക്കുകൾ ({suffix}) വായിക്കാനാവില്ല; ഇത് EPUB ആക്കി മാറ്റി അത് ചേർക്കുക.</translation>
    </message>
    <message>
        <source>NormFit cannot read old Word files (.doc); open it in Word or LibreOffice, save it as .docx and add that instead.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>NormFit-ന് പഴയ Word ഫയലുകൾ (.doc) വായിക്കാനാവില്ല; Word-ലോ LibreOffice-ലോ തുറന്ന് .docx ആയി സൂക്ഷിച്ച് അത് ചേർക്കുക.</translation>
    </message>
    <message>
        <source>NormFit cannot read WordPerfect files; save it as .docx or .odt and add that instead.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>NormFit-ന് WordPerfect ഫയലുകൾ വായിക്കാനാവില്ല; ഇത് .docx അല്ലെങ്കിൽ .odt ആയി സൂക്ഷിച്ച് അത് ചേർക്കുക.</translation>
    </message>
    <message>
        <source>NormFit cannot read Pages files; export it as a Word document or PDF and add that instead.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>NormFit-ന് Pages ഫയലുകൾ വായിക്കാനാവില്ല; ഇത് Word രേഖയോ PDF-ഓ ആക്കി മാറ്റി അത് ചേർക്കുക.</translation>
    </message>
    <message>
        <source>NormFit cannot read {suffix} files; save it as a PDF, Word, OpenDocument or plain text file and add that instead.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>NormFit-ന് {suffix} ഫയലുകൾ വായിക്കാനാവില്ല; ഇത് PDF, Word, OpenDocument അല്ലെങ്കിൽ സാധാരണ എഴുത്ത് ഫയലായി സൂക്ഷിച്ച് അത് ചേർക്കുക.</translation>
    </message>
    <message>
        <source>This file is {size} MB and NormFit reads files of at most {limit} MB; split it into smaller files.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ ഫയൽ {size} MB ആണ്; NormFit പരമാവധി {limit} MB വരെയുള്ള ഫയലുകളേ വായിക്കൂ. ഇതിനെ ചെറിയ ഫയലുകളായി വിഭജിക്കുക.</translation>
    </message>
    <message>
        <source>This file says it is {encoding} text but parts of it are not, so it is probably damaged.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ ഫയൽ {encoding} എഴുത്താണെന്ന് പറയുന്നു, പക്ഷേ അതിന്റെ ചില ഭാഗങ്ങൾ അങ്ങനെയല്ല; ഇത് മിക്കവാറും കേടായതാണ്.</translation>
    </message>
    <message>
        <source>text file</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>എഴുത്ത് ഫയൽ</translation>
    </message>
    <message>
        <source>source file</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>സോഴ്സ് കോഡ് ഫയൽ</translation>
    </message>
    <message>
        <source>NormFit is not allowed to open this file; check that you may read it.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ ഫയൽ തുറക്കാൻ NormFit-ന് അനുവാദമില്ല; നിങ്ങൾക്ക് ഇത് വായിക്കാൻ അനുവാദമുണ്ടോ എന്ന് നോക്കുക.</translation>
    </message>
    <message>
        <source>This file cannot be opened ({why}).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ ഫയൽ തുറക്കാനാവില്ല ({why}).</translation>
    </message>
    <message>
        <source>This file cannot be read ({why}).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ ഫയൽ വായിക്കാനാവില്ല ({why}).</translation>
    </message>
    <message>
        <source>This file does not exist (it may have been moved or deleted).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ ഫയൽ നിലവിലില്ല (ഇത് മാറ്റുകയോ മായ്ക്കുകയോ ചെയ്തിരിക്കാം).</translation>
    </message>
    <message>
        <source>This is a folder, not a file.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇത് ഒരു ഫോൾഡറാണ്, ഫയലല്ല.</translation>
    </message>
    <message>
        <source>This is not an ordinary file (it is a device or a pipe), so NormFit does not read it.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇത് സാധാരണ ഫയലല്ല (ഒരു ഉപകരണമോ പൈപ്പോ ആണ്), അതിനാൽ NormFit ഇത് വായിക്കുന്നില്ല.</translation>
    </message>
    <message>
        <source>NormFit cannot tell what kind of file this is because its name has no ending such as .txt or .docx, and it is not plain text.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇതിന്റെ പേരിന് .txt, .docx പോലുള്ള അവസാനഭാഗമില്ല, ഇത് സാധാരണ എഴുത്തുമല്ല; അതിനാൽ ഇത് ഏതുതരം ഫയലാണെന്ന് NormFit-ന് പറയാനാവില്ല.</translation>
    </message>
    <message>
        <source>This copy of NormFit was installed without support for this kind of file ({noun}); reinstall NormFit to read it.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>NormFit-ന്റെ ഈ പകർപ്പ് ഇത്തരം ഫയൽ ({noun}) വായിക്കാനുള്ള കഴിവില്ലാതെയാണ് സ്ഥാപിച്ചത്; ഇത് വായിക്കാൻ NormFit വീണ്ടും സ്ഥാപിക്കുക.</translation>
    </message>
    <message>
        <source>This file is too big for this computer&apos;s memory; split it into smaller files.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കമ്പ്യൂട്ടറിന്റെ മെമ്മറിക്ക് ഈ ഫയൽ വളരെ വലുതാണ്; ഇതിനെ ചെറിയ ഫയലുകളായി വിഭജിക്കുക.</translation>
    </message>
    <message>
        <source>This file holds more than {n} million characters, more than NormFit learns from at once; split it into smaller files.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ ഫയലിൽ {n} ദശലക്ഷത്തിലധികം അക്ഷരങ്ങളുണ്ട്; NormFit ഒരുമിച്ച് പഠിക്കുന്നതിലും കൂടുതലാണിത്. ഇതിനെ ചെറിയ ഫയലുകളായി വിഭജിക്കുക.</translation>
    </message>
    <message>
        <source>The files chosen already hold {n} MB of text, the most NormFit learns from at once, so this file was left out.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>തിരഞ്ഞെടുത്ത ഫയലുകളിൽ ഇതിനകം {n} MB എഴുത്തുണ്ട്, NormFit ഒരുമിച്ച് പഠിക്കുന്ന പരമാവധി അളവ്; അതിനാൽ ഈ ഫയൽ ഒഴിവാക്കി.</translation>
    </message>
    <message>
        <source>This entry is damaged: its &apos;{field}&apos; {what}.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കുറിപ്പ് കേടായതാണ്: അതിലെ &apos;{field}&apos; {what}.</translation>
    </message>
    <message>
        <source>This entry is damaged: it holds text that is not valid Unicode (a lone surrogate escape).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കുറിപ്പ് കേടായതാണ്: ശരിയായ യൂണികോഡ് അല്ലാത്ത എഴുത്ത് അതിലുണ്ട് (ജോഡിയില്ലാത്ത ഒരു പ്രത്യേക അക്ഷരസൂചന).</translation>
    </message>
    <message>
        <source>is not 64 lowercase hex digits</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>64 ചെറിയക്ഷര ഹെക്സ് അക്കങ്ങളല്ല</translation>
    </message>
    <message>
        <source>is not a time like 2026-01-31T12:00:00Z</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>2026-01-31T12:00:00Z പോലുള്ള ഒരു സമയമല്ല</translation>
    </message>
    <message>
        <source>is not a base model&apos;s name</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഒരു അടിസ്ഥാന മോഡലിന്റെ പേരല്ല</translation>
    </message>
    <message>
        <source>is not a version number</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഒരു പതിപ്പ് നമ്പറല്ല</translation>
    </message>
    <message>
        <source>is not one NormFit knows</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>NormFit-ന് അറിയാവുന്ന ഒന്നല്ല</translation>
    </message>
    <message>
        <source>This entry&apos;s public key is damaged (it is not a 32-byte Ed25519 key in standard base64, spelled the one way base64 spells it).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കുറിപ്പിലെ പൊതു കീ കേടായതാണ് (base64 എഴുതുന്ന ഒരേയൊരു രീതിയിൽ എഴുതിയ, 32 ബൈറ്റുള്ള Ed25519 കീ അല്ല).</translation>
    </message>
    <message>
        <source>This entry&apos;s signature is damaged (it is not a 64-byte Ed25519 signature in standard base64, spelled the one way base64 spells it).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കുറിപ്പിലെ ഒപ്പ് കേടായതാണ് (base64 എഴുതുന്ന ഒരേയൊരു രീതിയിൽ എഴുതിയ, 64 ബൈറ്റുള്ള Ed25519 ഒപ്പ് അല്ല).</translation>
    </message>
    <message>
        <source>is not an object of strings</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>എഴുത്തുകളുടെ ഒരു ഒബ്ജക്റ്റ് അല്ല</translation>
    </message>
    <message>
        <source>holds a figure NormFit does not know (&apos;{figure}&apos;)</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>NormFit-ന് അറിയാത്ത ഒരു കണക്ക് ഉൾക്കൊള്ളുന്നു (&apos;{figure}&apos;)</translation>
    </message>
    <message>
        <source>value &apos;{figure}&apos; is not a short string of printable characters</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>&apos;{figure}&apos; എന്നതിന്റെ വില അച്ചടിക്കാവുന്ന അക്ഷരങ്ങളുടെ ചെറിയ നിരയല്ല</translation>
    </message>
    <message>
        <source>is not text</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>എഴുത്തല്ല</translation>
    </message>
    <message>
        <source>is {length} characters long; a label is at most {limit}</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>{length} അക്ഷരം നീളമുള്ളതാണ്; ഒരു പേരിന് പരമാവധി {limit}</translation>
    </message>
    <message>
        <source>holds control characters, line breaks or invisible characters</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>നിയന്ത്രണ അക്ഷരങ്ങളോ വരിമാറ്റങ്ങളോ കാണാത്ത അക്ഷരങ്ങളോ ഉൾക്കൊള്ളുന്നു</translation>
    </message>
    <message>
        <source>This is not a NormFit directory entry (wrong &apos;format&apos;).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇത് ഒരു NormFit കുറിപ്പല്ല (&apos;format&apos; തെറ്റാണ്).</translation>
    </message>
    <message>
        <source>This entry uses version &apos;{v}&apos;, which this NormFit does not know; update NormFit.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കുറിപ്പ് &apos;{v}&apos; എന്ന പതിപ്പാണ് ഉപയോഗിക്കുന്നത്, അത് ഈ NormFit-ന് അറിയില്ല; NormFit പുതുക്കുക.</translation>
    </message>
    <message>
        <source>This entry is incomplete: it lacks {missing}.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കുറിപ്പ് അപൂർണ്ണമാണ്: അതിൽ {missing} ഇല്ല.</translation>
    </message>
    <message>
        <source>key is not part of a version-1 entry</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>എന്ന ഭാഗം പതിപ്പ്-1 കുറിപ്പിൽ ഉള്ളതല്ല</translation>
    </message>
    <message>
        <source>is not a size between 1 and {limit} bytes</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>1-നും {limit}-നും ഇടയിലുള്ള ബൈറ്റ് വലുപ്പമല്ല</translation>
    </message>
    <message>
        <source>This withdrawal names two different adapters.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ പിൻവലിക്കൽ രണ്ട് വ്യത്യസ്ത അഡാപ്റ്ററുകളുടെ പേര് പറയുന്നു.</translation>
    </message>
    <message>
        <source>It could not be read ({name}); it was left out.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇത് വായിക്കാനായില്ല ({name}); ഇത് ഒഴിവാക്കി.</translation>
    </message>
    <message>
        <source>The folder holds {count} {what}; only the first {max_files} were read.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഫോൾഡറിൽ {count} {what} ഉണ്ട്; ആദ്യത്തെ {max_files} എണ്ണം മാത്രമേ വായിച്ചുള്ളൂ.</translation>
    </message>
    <message>
        <source>withdrawal lists</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>പിൻവലിക്കൽ പട്ടികകൾ</translation>
    </message>
    <message>
        <source>withdrawals</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>പിൻവലിക്കലുകൾ</translation>
    </message>
    <message>
        <source>It is named like a withdrawal but is an entry; it was not used.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇതിന് പിൻവലിക്കലിന്റെ പേരാണ്, പക്ഷേ ഇതൊരു കുറിപ്പാണ്; ഇത് ഉപയോഗിച്ചില്ല.</translation>
    </message>
    <message>
        <source>Its signer retired key {key}, which withdraws everything that key signed.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഒപ്പിട്ടയാൾ {key} എന്ന കീ ഉപേക്ഷിച്ചു; ആ കീ ഒപ്പിട്ടതെല്ലാം അതോടെ പിൻവലിക്കപ്പെടും.</translation>
    </message>
    <message>
        <source>Its author withdrew this adapter.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇതിന്റെ ഉടമ ഈ അഡാപ്റ്റർ പിൻവലിച്ചു.</translation>
    </message>
    <message>
        <source>It is signed by key {key}, which you have not chosen to trust (normfit trust add, or Shared folder... in the window).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇത് {key} എന്ന കീ ഒപ്പിട്ടതാണ്; ആ കീ വിശ്വസിക്കാൻ നിങ്ങൾ തീരുമാനിച്ചിട്ടില്ല (normfit trust add, അല്ലെങ്കിൽ ജാലകത്തിലെ പങ്കിട്ട ഫോൾഡർ...).</translation>
    </message>
    <message>
        <source>It is a withdrawal named like an entry; it was not used as one.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇതൊരു പിൻവലിക്കലാണ്, പക്ഷേ കുറിപ്പിന്റെ പേരാണ്; കുറിപ്പായി ഉപയോഗിച്ചില്ല.</translation>
    </message>
    <message>
        <source>The folder cannot be read ({why}).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഫോൾഡർ വായിക്കാനാവില്ല ({why}).</translation>
    </message>
    <message>
        <source>entries</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>കുറിപ്പുകൾ</translation>
    </message>
    <message>
        <source>It has no signed directory entry next to it.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇതിനൊപ്പം ഒപ്പിട്ട കുറിപ്പില്ല.</translation>
    </message>
    <message>
        <source>The label is {length} characters long; a label is at most {limit} characters (a name or nickname).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>പേരിന് {length} അക്ഷരം നീളമുണ്ട്; ഒരു പേരിന് പരമാവധി {limit} അക്ഷരമേ പാടുള്ളൂ (പേര് അല്ലെങ്കിൽ വിളിപ്പേര്).</translation>
    </message>
    <message>
        <source>This file is an old-style document saved under a new name, so NormFit cannot read it; open it and save it again as a {noun}.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇത് പുതിയ പേരിൽ സൂക്ഷിച്ച പഴയ രീതിയിലുള്ള ഒരു രേഖയാണ്, അതിനാൽ NormFit-ന് ഇത് വായിക്കാനാവില്ല; ഇത് തുറന്ന് {noun} ആയി വീണ്ടും സൂക്ഷിക്കുക.</translation>
    </message>
    <message>
        <source>This {noun} unpacks to more than {n} MB, more than NormFit reads from one file; split it into smaller documents.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ {noun} തുറന്നാൽ {n} MB-യിലധികം വരും, ഒരു ഫയലിൽ നിന്ന് NormFit വായിക്കുന്നതിലും കൂടുതൽ; ഇതിനെ ചെറിയ രേഖകളായി വിഭജിക്കുക.</translation>
    </message>
    <message>
        <source>e-book</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇ-ബുക്ക്</translation>
    </message>
    <message>
        <source>This e-book is locked against copying (DRM), so NormFit cannot read it; use a copy without DRM, for example one you wrote or bought DRM-free.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ ഇ-ബുക്ക് പകർത്താനാവാത്ത വിധം പൂട്ടിയതാണ് (DRM), അതിനാൽ NormFit-ന് ഇത് വായിക്കാനാവില്ല; DRM ഇല്ലാത്ത ഒരു പകർപ്പ് ഉപയോഗിക്കുക, ഉദാഹരണത്തിന് നിങ്ങൾ എഴുതിയതോ DRM ഇല്ലാതെ വാങ്ങിയതോ.</translation>
    </message>
    <message>
        <source>Word document</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>Word രേഖ</translation>
    </message>
    <message>
        <source>OpenDocument text file</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>OpenDocument എഴുത്ത് ഫയൽ</translation>
    </message>
    <message>
        <source>This PDF has no text in it, only pictures of pages (it is probably a scan), and NormFit cannot read text from pictures; use the original document or a PDF whose text you can select.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ PDF-ൽ എഴുത്തില്ല, പേജുകളുടെ ചിത്രങ്ങൾ മാത്രമേയുള്ളൂ (മിക്കവാറും ഒരു സ്കാൻ); ചിത്രങ്ങളിൽ നിന്ന് എഴുത്ത് വായിക്കാൻ NormFit-ന് കഴിയില്ല. യഥാർത്ഥ രേഖയോ എഴുത്ത് തിരഞ്ഞെടുക്കാൻ കഴിയുന്ന PDF-ഓ ഉപയോഗിക്കുക.</translation>
    </message>
    <message>
        <source>This file is not really a PDF even though its name ends in .pdf, so NormFit cannot read it.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>പേര് .pdf എന്ന് അവസാനിക്കുന്നുണ്ടെങ്കിലും ഈ ഫയൽ യഥാർത്ഥത്തിൽ PDF അല്ല, അതിനാൽ NormFit-ന് ഇത് വായിക്കാനാവില്ല.</translation>
    </message>
    <message>
        <source>RTF document</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>RTF രേഖ</translation>
    </message>
    <message>
        <source>This file is not really an RTF document even though its name ends in .rtf, so NormFit cannot read it.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>പേര് .rtf എന്ന് അവസാനിക്കുന്നുണ്ടെങ്കിലും ഈ ഫയൽ യഥാർത്ഥത്തിൽ RTF രേഖയല്ല, അതിനാൽ NormFit-ന് ഇത് വായിക്കാനാവില്ല.</translation>
    </message>
    <message>
        <source>web page</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>വെബ് പേജ്</translation>
    </message>
    <message>
        <source>It was made for another base model ({other}), not the one loaded ({base_id}).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇത് മറ്റൊരു അടിസ്ഥാന മോഡലിനായി ({other}) ഉണ്ടാക്കിയതാണ്, ഇപ്പോൾ തുറന്നിരിക്കുന്ന മോഡലിനല്ല ({base_id}).</translation>
    </message>
    <message>
        <source>Your signing key {path} {why}. Move it away (NormFit then makes a new key, which others must learn to trust again) or put back your copy of it.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>നിങ്ങളുടെ ഒപ്പിടൽ കീ {path} {why}. അത് മാറ്റിവെക്കുക (അപ്പോൾ NormFit ഒരു പുതിയ കീ ഉണ്ടാക്കും, മറ്റുള്ളവർ അത് വീണ്ടും വിശ്വസിക്കേണ്ടിവരും) അല്ലെങ്കിൽ അതിന്റെ നിങ്ങളുടെ പകർപ്പ് തിരികെ വെക്കുക.</translation>
    </message>
    <message>
        <source>signing key file</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഒപ്പിടൽ കീ ഫയൽ</translation>
    </message>
    <message>
        <source>cannot be used ({why})</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഉപയോഗിക്കാനാവില്ല ({why})</translation>
    </message>
    <message>
        <source>is damaged or is not a key NormFit made</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>കേടായതാണ്, അല്ലെങ്കിൽ NormFit ഉണ്ടാക്കിയ കീ അല്ല</translation>
    </message>
    <message>
        <source>is not a key NormFit can read</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>NormFit-ന് വായിക്കാനാവുന്ന കീ അല്ല</translation>
    </message>
    <message>
        <source>is a key of another kind (NormFit signs with Ed25519)</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>മറ്റൊരു തരം കീ ആണ് (NormFit ഒപ്പിടുന്നത് Ed25519 കൊണ്ടാണ്)</translation>
    </message>
    <message>
        <source>This adapter cannot be shared: {why}</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ പങ്കിടാനാവില്ല: {why}</translation>
    </message>
    <message>
        <source>You can only withdraw entries signed with your own key; this one was signed by key {signer}.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>നിങ്ങളുടെ സ്വന്തം കീ കൊണ്ട് ഒപ്പിട്ട കുറിപ്പുകൾ മാത്രമേ നിങ്ങൾക്ക് പിൻവലിക്കാനാവൂ; ഇത് {signer} എന്ന കീ ഒപ്പിട്ടതാണ്.</translation>
    </message>
    <message>
        <source>The folder {out} does not exist.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>{out} എന്ന ഫോൾഡർ നിലവിലില്ല.</translation>
    </message>
    <message>
        <source>NormFit directory entry</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>NormFit കുറിപ്പ്</translation>
    </message>
    <message>
        <source>{name} cannot be read as a NormFit directory entry (it is not UTF-8 text).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>{name} ഒരു NormFit കുറിപ്പായി വായിക്കാനാവില്ല (ഇത് UTF-8 എഴുത്തല്ല).</translation>
    </message>
    <message>
        <source>This entry is damaged: it is not valid JSON, so it was changed or cut short.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കുറിപ്പ് കേടായതാണ്: ഇത് ശരിയായ JSON അല്ല, അതിനാൽ ഇത് മാറ്റുകയോ മുറിഞ്ഞുപോവുകയോ ചെയ്തു.</translation>
    </message>
    <message>
        <source>This entry&apos;s public key is damaged (it is not a 32-byte Ed25519 key).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കുറിപ്പിലെ പൊതു കീ കേടായതാണ് (32 ബൈറ്റുള്ള Ed25519 കീ അല്ല).</translation>
    </message>
    <message>
        <source>This entry was signed by key {signer}, not by the key you expected ({expected}).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കുറിപ്പ് ഒപ്പിട്ടത് {signer} എന്ന കീ ആണ്, നിങ്ങൾ പ്രതീക്ഷിച്ച കീ ({expected}) അല്ല.</translation>
    </message>
    <message>
        <source>This entry&apos;s signature is damaged (it is not a 64-byte Ed25519 signature).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കുറിപ്പിലെ ഒപ്പ് കേടായതാണ് (64 ബൈറ്റുള്ള Ed25519 ഒപ്പ് അല്ല).</translation>
    </message>
    <message>
        <source>This entry does not match its signature: the entry was changed after it was signed, or the signature was damaged or made with another key.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കുറിപ്പ് അതിന്റെ ഒപ്പുമായി ചേരുന്നില്ല: ഒപ്പിട്ട ശേഷം കുറിപ്പ് മാറ്റി, അല്ലെങ്കിൽ ഒപ്പ് കേടായി, അല്ലെങ്കിൽ മറ്റൊരു കീ കൊണ്ട് ഒപ്പിട്ടു.</translation>
    </message>
    <message>
        <source>This entry is for a base model NormFit does not have (&apos;{base_id}&apos;, checksum {checksum}...), so its adapter cannot be used here.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കുറിപ്പ് NormFit-ന്റെ പക്കലില്ലാത്ത ഒരു അടിസ്ഥാന മോഡലിനുള്ളതാണ് (&apos;{base_id}&apos;, ചെക്ക്സം {checksum}...), അതിനാൽ അതിന്റെ അഡാപ്റ്റർ ഇവിടെ ഉപയോഗിക്കാനാവില്ല.</translation>
    </message>
    <message>
        <source>The adapter this entry describes cannot be used: {why}</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കുറിപ്പ് വിവരിക്കുന്ന അഡാപ്റ്റർ ഉപയോഗിക്കാനാവില്ല: {why}</translation>
    </message>
    <message>
        <source>The adapter this entry describes is not at {apath}.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കുറിപ്പ് വിവരിക്കുന്ന അഡാപ്റ്റർ {apath} എന്നിടത്ത് ഇല്ല.</translation>
    </message>
    <message>
        <source>The adapter file is not the one this entry vouches for (its checksum differs): it was changed or replaced after signing.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ കുറിപ്പ് ഉറപ്പുനൽകുന്ന അഡാപ്റ്റർ ഫയൽ ഇതല്ല (ചെക്ക്സം വ്യത്യസ്തമാണ്): ഒപ്പിട്ട ശേഷം അത് മാറ്റുകയോ മറ്റൊന്ന് വെക്കുകയോ ചെയ്തു.</translation>
    </message>
    <message>
        <source>The adapter carries a description field NormFit does not know (&apos;{field}&apos;), which could hold anything; it is not used.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>NormFit-ന് അറിയാത്ത ഒരു വിവരണ ഭാഗം (&apos;{field}&apos;) അഡാപ്റ്ററിലുണ്ട്, അതിൽ എന്തും ആകാം; അതിനാൽ ഇത് ഉപയോഗിക്കുന്നില്ല.</translation>
    </message>
    <message>
        <source>The entry and its adapter disagree about the base model or the method, so the entry does not describe this adapter.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>കുറിപ്പും അതിന്റെ അഡാപ്റ്ററും അടിസ്ഥാന മോഡലിലോ രീതിയിലോ യോജിക്കുന്നില്ല, അതിനാൽ കുറിപ്പ് ഈ അഡാപ്റ്ററിനെയല്ല വിവരിക്കുന്നത്.</translation>
    </message>
    <message>
        <source>Your {what} ({path}) is damaged; move it away to start it again.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>നിങ്ങളുടെ {what} ({path}) കേടായതാണ്; പുതുതായി തുടങ്ങാൻ അത് മാറ്റിവെക്കുക.</translation>
    </message>
    <message>
        <source>trusted-keys list</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>വിശ്വസിക്കുന്ന കീകളുടെ പട്ടിക</translation>
    </message>
    <message>
        <source>Key {public_key} is not on your trusted-keys list.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>{public_key} എന്ന കീ നിങ്ങൾ വിശ്വസിക്കുന്ന കീകളുടെ പട്ടികയിലില്ല.</translation>
    </message>
    <message>
        <source>That is your own key; your own adapters are always trusted.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>അത് നിങ്ങളുടെ സ്വന്തം കീ ആണ്; നിങ്ങളുടെ സ്വന്തം അഡാപ്റ്ററുകൾ എപ്പോഴും വിശ്വസിക്കപ്പെടും.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a public key, a key fingerprint (16 hex digits) or an entry file.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>&apos;{text}&apos; ഒരു പൊതു കീയോ കീയുടെ വിരലടയാളമോ (16 ഹെക്സ് അക്കങ്ങൾ) കുറിപ്പ് ഫയലോ അല്ല.</translation>
    </message>
    <message>
        <source>No key with fingerprint {fp} was found among the signed entries in {folder}; give the folder it was shared in with --from, or the whole public key.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>{folder} എന്നതിലെ ഒപ്പിട്ട കുറിപ്പുകളിൽ {fp} എന്ന വിരലടയാളമുള്ള കീ കണ്ടില്ല; അത് പങ്കിട്ട ഫോൾഡർ --from ഉപയോഗിച്ച് നൽകുക, അല്ലെങ്കിൽ മുഴുവൻ പൊതു കീയും നൽകുക.</translation>
    </message>
    <message>
        <source>No key with fingerprint {fp} was found; give the folder it was shared in with --from, or the whole public key.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>{fp} എന്ന വിരലടയാളമുള്ള കീ കണ്ടില്ല; അത് പങ്കിട്ട ഫോൾഡർ --from ഉപയോഗിച്ച് നൽകുക, അല്ലെങ്കിൽ മുഴുവൻ പൊതു കീയും നൽകുക.</translation>
    </message>
    <message>
        <source>record of withdrawals seen</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>കണ്ട പിൻവലിക്കലുകളുടെ കണക്ക്</translation>
    </message>
    <message>
        <source>file</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഫയൽ</translation>
    </message>
    <message>
        <source>There is no file at {p}.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>{p} എന്നിടത്ത് ഫയലില്ല.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a {what}.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>{name} ഒരു ഫോൾഡറാണ്, {what} അല്ല.</translation>
    </message>
    <message>
        <source>{name} cannot be opened ({why}).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>{name} തുറക്കാനാവില്ല ({why}).</translation>
    </message>
    <message>
        <source>{name} is not an ordinary file (a pipe, device or socket), so it is not a {what}; it was not read.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>{name} സാധാരണ ഫയലല്ല (പൈപ്പോ ഉപകരണമോ സോക്കറ്റോ ആണ്), അതിനാൽ അത് {what} അല്ല; അത് വായിച്ചില്ല.</translation>
    </message>
    <message>
        <source>{name} is {size} bytes; a {what} is at most {limit} bytes, so it is not one.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>{name} {size} ബൈറ്റ് ആണ്; ഒരു {what} പരമാവധി {limit} ബൈറ്റേ ഉണ്ടാകൂ, അതിനാൽ ഇത് അതല്ല.</translation>
    </message>
    <message>
        <source>{name} cannot be read ({why}).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>{name} വായിക്കാനാവില്ല ({why}).</translation>
    </message>
    <message>
        <source>{name} is over {limit} bytes; a {what} is at most {limit} bytes, so it is not one.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>{name} {limit} ബൈറ്റിലധികമാണ്; ഒരു {what} പരമാവധി {limit} ബൈറ്റേ ഉണ്ടാകൂ, അതിനാൽ ഇത് അതല്ല.</translation>
    </message>
    <message>
        <source>This withdrawal list is damaged: {why}.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ പിൻവലിക്കൽ പട്ടിക കേടായതാണ്: {why}.</translation>
    </message>
    <message>
        <source>This is not a NormFit withdrawal list (wrong &apos;format&apos;).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇത് ഒരു NormFit പിൻവലിക്കൽ പട്ടികയല്ല (&apos;format&apos; തെറ്റാണ്).</translation>
    </message>
    <message>
        <source>its fields are not exactly those of a version-1 list</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>അതിലെ ഭാഗങ്ങൾ പതിപ്പ്-1 പട്ടികയുടേത് അല്ല</translation>
    </message>
    <message>
        <source>This withdrawal list uses version &apos;{v}&apos;, which this NormFit does not know; update NormFit.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ പിൻവലിക്കൽ പട്ടിക &apos;{v}&apos; എന്ന പതിപ്പാണ് ഉപയോഗിക്കുന്നത്, അത് ഈ NormFit-ന് അറിയില്ല; NormFit പുതുക്കുക.</translation>
    </message>
    <message>
        <source>its serial is not a positive whole number</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>അതിന്റെ ക്രമനമ്പർ ഒരു പോസിറ്റീവ് പൂർണ്ണസംഖ്യയല്ല</translation>
    </message>
    <message>
        <source>&apos;retired&apos; is not true or false</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>&apos;retired&apos; ശരിയോ തെറ്റോ അല്ല</translation>
    </message>
    <message>
        <source>its signing time is not a time like 2026-01-31T12:00:00Z</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>അത് ഒപ്പിട്ട സമയം 2026-01-31T12:00:00Z പോലുള്ള ഒരു സമയമല്ല</translation>
    </message>
    <message>
        <source>&apos;withdraws&apos; is not a sorted list of at most {max_withdraws} adapter checksums</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>&apos;withdraws&apos; പരമാവധി {max_withdraws} അഡാപ്റ്റർ ചെക്ക്സങ്ങളുടെ ക്രമീകരിച്ച പട്ടികയല്ല</translation>
    </message>
    <message>
        <source>its key or signature is not spelled as standard base64 of the right length</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>അതിലെ കീയോ ഒപ്പോ ശരിയായ നീളമുള്ള സാധാരണ base64 ആയി എഴുതിയിട്ടില്ല</translation>
    </message>
    <message>
        <source>This withdrawal list does not match its signature: it was changed after it was signed.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ പിൻവലിക്കൽ പട്ടിക അതിന്റെ ഒപ്പുമായി ചേരുന്നില്ല: ഒപ്പിട്ട ശേഷം അത് മാറ്റി.</translation>
    </message>
    <message>
        <source>NormFit withdrawal list</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>NormFit പിൻവലിക്കൽ പട്ടിക</translation>
    </message>
    <message>
        <source>it is not valid JSON of the right kind</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>അത് ശരിയായ തരത്തിലുള്ള JSON അല്ല</translation>
    </message>
    <message>
        <source>This is not a NormFit adapter file (its header is not safetensors).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇത് ഒരു NormFit അഡാപ്റ്റർ ഫയലല്ല (അതിന്റെ തലക്കെട്ട് safetensors അല്ല).</translation>
    </message>
    <message>
        <source>This is not a NormFit adapter file (it is too short to be safetensors).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഇത് ഒരു NormFit അഡാപ്റ്റർ ഫയലല്ല (safetensors ആകാൻ വേണ്ടതിലും ചെറുതാണ്).</translation>
    </message>
    <message>
        <source>This safetensors file is not a NormFit adapter (it has no NormFit metadata).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ safetensors ഫയൽ ഒരു NormFit അഡാപ്റ്ററല്ല (അതിൽ NormFit വിവരണമില്ല).</translation>
    </message>
    <message>
        <source>This adapter is damaged (its description holds invalid characters).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ കേടായതാണ് (അതിന്റെ വിവരണത്തിൽ തെറ്റായ അക്ഷരങ്ങളുണ്ട്).</translation>
    </message>
    <message>
        <source>This safetensors file is not a NormFit adapter (wrong &apos;format&apos;).</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ safetensors ഫയൽ ഒരു NormFit അഡാപ്റ്ററല്ല (&apos;format&apos; തെറ്റാണ്).</translation>
    </message>
    <message>
        <source>This adapter uses format version &apos;{version}&apos;, which this version of NormFit does not know; update NormFit.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ &apos;{version}&apos; എന്ന ഫോർമാറ്റ് പതിപ്പാണ് ഉപയോഗിക്കുന്നത്, അത് NormFit-ന്റെ ഈ പതിപ്പിന് അറിയില്ല; NormFit പുതുക്കുക.</translation>
    </message>
    <message>
        <source>This adapter&apos;s method &apos;{method}&apos; is not one NormFit knows.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്ററിന്റെ രീതി &apos;{method}&apos; NormFit-ന് അറിയാവുന്ന ഒന്നല്ല.</translation>
    </message>
    <message>
        <source>This adapter is incomplete: its metadata lacks {missing_meta}.</source>
        <translatorcomment>unreviewed (session 7)</translatorcomment>
        <translation>ഈ അഡാപ്റ്റർ അപൂർണ്ണമാണ്: അതിന്റെ വിവരണത്തിൽ {missing_meta} ഇല്ല.</translation>
    </message>
    <message>
        <source>It is {name}&apos;s writing: NormFit is clear about it.</source>
        <translation>ഇത് {name} എഴുതിയതാണ്: NormFit-ന് ഇതിൽ സംശയമില്ല.</translation>
    </message>
    <message>
        <source>Probably {name}&apos;s writing.</source>
        <translation>മിക്കവാറും {name} എഴുതിയത്.</translation>
    </message>
    <message>
        <source>Not sure: {name} or {other}.</source>
        <translation>ഉറപ്പില്ല: {name} അല്ലെങ്കിൽ {other}.</translation>
    </message>
    <message>
        <source>Too short to tell ({words} words): NormFit&apos;s best guess is {name}, but texts this short are often guessed wrong.</source>
        <translation>പറയാൻ വളരെ ചെറുതാണ് ({words} വാക്ക്): NormFit-ന്റെ ഏറ്റവും നല്ല ഊഹം {name} ആണ്, പക്ഷേ ഇത്ര ചെറിയ എഴുത്തുകളിൽ ഊഹം പലപ്പോഴും തെറ്റുന്നു.</translation>
    </message>
    <message>
        <source>{name} is about {times} times as likely as {other}, the next.</source>
        <translation>{name} ആകാനുള്ള സാധ്യത തൊട്ടടുത്തുള്ള {other} ആകാനുള്ളതിന്റെ ഏകദേശം {times} മടങ്ങാണ്.</translation>
    </message>
    <message>
        <source>{name} is more than {times} times as likely as {other}, the next.</source>
        <translation>{name} ആകാനുള്ള സാധ്യത തൊട്ടടുത്തുള്ള {other} ആകാനുള്ളതിന്റെ {times} മടങ്ങിലധികമാണ്.</translation>
    </message>
    <message>
        <source>{name} and {other} are about as likely as each other.</source>
        <translation>{name} ആകാനും {other} ആകാനും ഏകദേശം ഒരേ സാധ്യതയാണ്.</translation>
    </message>
    <message>
        <source>For a text of {words} words among {n} writers, NormFit names the right one about {k} times in 10 (measured on a class of twelve similar writers).</source>
        <translation>{n} പേരിൽ {words} വാക്കുള്ള ഒരു എഴുത്ത് ആരുടേതെന്ന് NormFit പത്തിൽ ഏകദേശം {k} തവണ ശരിയായി പറയുന്നു (ഒരേപോലെ എഴുതുന്ന പന്ത്രണ്ടുപേരുടെ ഒരു ക്ലാസിൽ അളന്നത്).</translation>
    </message>
</context>
<context>
    <name>explain</name>
    <message>
        <source>What your model learned</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>നിങ്ങളുടെ മോഡൽ പഠിച്ചത്</translation>
    </message>
    <message>
        <source>Green and underlined: your model finds this word easier to predict than the base model did. Red and in italics: harder. The darker, the larger the change. Plain: about the same.</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>പച്ചയും അടിവരയും: അടിസ്ഥാന മോഡലിനെക്കാൾ എളുപ്പത്തിൽ നിങ്ങളുടെ മോഡൽ ഈ വാക്ക് ഊഹിക്കുന്നു. ചുവപ്പും ചരിഞ്ഞ അക്ഷരവും: കൂടുതൽ പ്രയാസം. നിറം കടുക്കുന്തോറും മാറ്റം കൂടുതൽ. നിറമില്ലെങ്കിൽ: ഏകദേശം മുമ്പത്തെപ്പോലെ.</translation>
    </message>
    <message>
        <source>Words it now expects</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഇപ്പോൾ പ്രതീക്ഷിക്കുന്ന വാക്കുകൾ</translation>
    </message>
    <message>
        <source>Words it now expects less</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഇപ്പോൾ കുറച്ച് പ്രതീക്ഷിക്കുന്ന വാക്കുകൾ</translation>
    </message>
    <message>
        <source>None.</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഒന്നുമില്ല.</translation>
    </message>
    <message>
        <source>{count}x</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>{count} തവണ</translation>
    </message>
    <message>
        <source>An excerpt of {used} of the text&apos;s {total} characters, chosen at random (always the same one for the same text).</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>എഴുത്തിലെ {total} അക്ഷരങ്ങളിൽ നിന്ന് ക്രമരഹിതമായി തിരഞ്ഞെടുത്ത {used} അക്ഷരങ്ങളുടെ ഒരു ഭാഗം (ഒരേ എഴുത്തിന് എപ്പോഴും ഇതേ ഭാഗം).</translation>
    </message>
    <message>
        <source>{better} of {words} words became easier to predict; the whole excerpt became {pct} more predictable.</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>{words} വാക്കുകളിൽ {better} എണ്ണം ഊഹിക്കാൻ എളുപ്പമായി; ഈ ഭാഗം മുഴുവനായി {pct} കൂടുതൽ ഊഹിക്കാവുന്നതായി.</translation>
    </message>
    <message>
        <source>This is text the model never trained on.</source>
        <translatorcomment>unreviewed (session 6)</translatorcomment>
        <translation>ഈ എഴുത്തിൽ മോഡൽ ഒരിക്കലും പരിശീലിച്ചിട്ടില്ല.</translation>
    </message>
</context>
<context>
    <name>notes</name>
    <message>
        <source>Nothing beat the base model on your validation text, so there is no adapter to keep: add more of your writing or give it more time.</source>
        <translation>പരിശോധനാ ഭാഗത്തിൽ ഒന്നും അടിസ്ഥാന മോഡലിനേക്കാൾ മെച്ചപ്പെട്ടില്ല, അതിനാൽ സൂക്ഷിക്കാൻ അഡാപ്റ്ററില്ല: നിങ്ങളുടെ കൂടുതൽ എഴുത്ത് ചേർക്കുക, അല്ലെങ്കിൽ കൂടുതൽ സമയം നൽകുക.</translation>
    </message>
    <message>
        <source>Nothing beat the base model on your validation text within the {limit} limit on general text, so there is no adapter to keep: add more of your writing or give it more time.</source>
        <translation>സാധാരണ എഴുത്തിനുള്ള {limit} പരിധിക്കുള്ളിൽ, പരിശോധനാ ഭാഗത്തിൽ ഒന്നും അടിസ്ഥാന മോഡലിനേക്കാൾ മെച്ചപ്പെട്ടില്ല, അതിനാൽ സൂക്ഷിക്കാൻ അഡാപ്റ്ററില്ല: നിങ്ങളുടെ കൂടുതൽ എഴുത്ത് ചേർക്കുക, അല്ലെങ്കിൽ കൂടുതൽ സമയം നൽകുക.</translation>
    </message>
    <message>
        <source>Done in {time}: your writing stopped improving, so NormFit stopped early.</source>
        <translation>{time} കൊണ്ട് കഴിഞ്ഞു: നിങ്ങളുടെ എഴുത്തിൽ ഇനി മെച്ചം വരാതായപ്പോൾ NormFit നേരത്തേ നിർത്തി.</translation>
    </message>
    <message>
        <source>Warning: general text got {change} worse (the limit is {limit}), so this adapter has pulled the model away from what it knew.</source>
        <translation>മുന്നറിയിപ്പ്: സാധാരണ എഴുത്ത് {change} മോശമായി (പരിധി {limit} ആണ്); ഈ അഡാപ്റ്റർ മോഡലിനെ അത് മുമ്പ് അറിഞ്ഞിരുന്നതിൽ നിന്ന് അകറ്റിയിരിക്കുന്നു.</translation>
    </message>
    <message>
        <source>Warning: general text got {change} worse. Training ran with no limit; the default limit ({limit}) keeps this small.</source>
        <translation>മുന്നറിയിപ്പ്: സാധാരണ എഴുത്ത് {change} മോശമായി. പരിധിയില്ലാതെയാണ് പരിശീലിപ്പിച്ചത്; സ്വതേയുള്ള പരിധി ({limit}) ഇത് ചെറുതാക്കി നിർത്തും.</translation>
    </message>
    <message>
        <source>Shared: the adapter file (the numbers tuned to your writing, its scores, the base model it fits and its label if you gave one) and a signed entry saying what it is, with your public key. Not shared: your documents or their names, your name, your computer&apos;s name, and your private key, which stays in NormFit&apos;s folder on this computer.</source>
        <translation>പങ്കിടുന്നത്: അഡാപ്റ്റർ ഫയൽ (നിങ്ങളുടെ എഴുത്തിനനുസരിച്ച് ക്രമീകരിച്ച സംഖ്യകൾ, അതിന്റെ സ്കോറുകൾ, അത് ചേരുന്ന അടിസ്ഥാന മോഡൽ, നിങ്ങൾ ഒരു പേര് നൽകിയിട്ടുണ്ടെങ്കിൽ അതും), കൂടാതെ അത് എന്താണെന്ന് പറയുന്ന, നിങ്ങളുടെ പൊതു കീ ചേർത്ത് ഒപ്പിട്ട ഒരു കുറിപ്പും. പങ്കിടാത്തത്: നിങ്ങളുടെ രേഖകളോ അവയുടെ പേരുകളോ, നിങ്ങളുടെ പേര്, നിങ്ങളുടെ കമ്പ്യൂട്ടറിന്റെ പേര്, നിങ്ങളുടെ സ്വകാര്യ കീ; സ്വകാര്യ കീ ഈ കമ്പ്യൂട്ടറിലെ NormFit-ന്റെ ഫോൾഡറിൽത്തന്നെ ഇരിക്കും.</translation>
    </message>
</context>
</TS>
