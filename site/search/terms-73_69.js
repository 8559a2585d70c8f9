tracebriefSearch.terms("si",{"sir":"0"});
