tracebriefSearch.terms("co",{"commander":"1","council":"8"});
