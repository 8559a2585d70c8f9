tracebriefSearch.terms("le",{"leaders":"0"});
